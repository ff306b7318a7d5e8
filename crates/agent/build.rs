//! Embeds the help-center articles (`help/{lang}/{topic}.md`) into the binary, so answers need no
//! files at run time and a new article only needs a rebuild.

use std::fs;
use std::io;
use std::path::PathBuf;

fn main() -> io::Result<()> {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let help = manifest.join("help");
    println!("cargo:rerun-if-changed={}", help.display());
    let mut entries = Vec::new();
    for lang in fs::read_dir(&help)? {
        let lang = lang?.path();
        if !lang.is_dir() {
            continue;
        }
        println!("cargo:rerun-if-changed={}", lang.display());
        for article in fs::read_dir(&lang)? {
            let path = article?.path();
            if path.extension().and_then(|e| e.to_str()) == Some("md") {
                entries.push(path);
            }
        }
    }
    entries.sort();
    let mut code = String::from("pub(crate) static ARTICLES: &[(&str, &str, &str)] = &[\n");
    for path in &entries {
        let lang = path
            .parent()
            .and_then(|p| p.file_name())
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let topic = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        code.push_str(&format!(
            "    ({lang:?}, {topic:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    fs::write(out.join("help_articles.rs"), code)
}
