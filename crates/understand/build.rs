//! Embeds whatever `data/train/{lang}.csv` and `data/train_ood/{lang}.csv` files exist when the crate
//! is built, so the default BNPL model can be trained without files at run time. Languages are added
//! by other people over time: a fixed list of `include_str!` calls would fail to compile for missing
//! files.

use std::env;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The folders of training files, relative to the crate.
const TRAIN_DIRS: [&str; 2] = ["data/train", "data/train_ood"];

fn main() -> io::Result<()> {
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let mut code = String::from("/// Embedded training files: (path, file stem, contents).\n");
    code.push_str("pub(crate) static TRAIN_FILES: &[(&str, &str, &str)] = &[\n");
    for dir in TRAIN_DIRS {
        let train_dir = manifest.join(dir);
        println!("cargo:rerun-if-changed={}", train_dir.display());
        let mut files = csv_files(&train_dir)?;
        files.sort();
        for path in &files {
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            code.push_str(&format!(
                "    (\"{dir}/{stem}.csv\", {stem:?}, include_str!({:?})),\n",
                path.display().to_string()
            ));
        }
    }
    code.push_str("];\n");
    let out = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_default());
    fs::write(out.join("embedded_data.rs"), code)
}

fn csv_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut files = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "csv") {
            files.push(path);
        }
    }
    Ok(files)
}
