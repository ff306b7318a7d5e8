//! Reads labelled example files: CSV with a header naming a `text` column, a `label` (or
//! `category`, as in public sets like BANKING77) column and optionally a `lang` column.
//!
//! The parser is a small RFC 4180 reader (quoted fields, doubled quotes, newlines inside quotes)
//! so the crate needs no CSV dependency. Errors name the file and the line, because these files
//! are written by hand.

use std::path::Path;

/// One labelled message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// The message.
    pub text: String,
    /// Its label (any string; the BNPL intent set is a layer on top).
    pub label: String,
    /// Its language code, when the file says.
    pub lang: Option<String>,
}

/// Why an example file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    /// The file could not be read.
    #[error("{file}: cannot read: {source}")]
    Io {
        /// The file.
        file: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The file is not UTF-8 text.
    #[error("{file}: not UTF-8 text (is it a CSV file?)")]
    NotText {
        /// The file.
        file: String,
    },
    /// The header lacks a required column.
    #[error("{file}: line 1: header needs a `{column}` column (found: {found})")]
    MissingColumn {
        /// The file.
        file: String,
        /// The missing column.
        column: &'static str,
        /// The header as found.
        found: String,
    },
    /// A record is malformed.
    #[error("{file}: line {line}: {reason}")]
    Malformed {
        /// The file.
        file: String,
        /// 1-based line where the record starts.
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// The file holds no examples.
    #[error("{file}: no examples")]
    Empty {
        /// The file.
        file: String,
    },
}

/// Reads an example file from disk.
pub fn read_examples(path: &Path) -> Result<Vec<Example>, DataError> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| DataError::Io {
        file: file.clone(),
        source,
    })?;
    let content =
        String::from_utf8(bytes).map_err(|_| DataError::NotText { file: file.clone() })?;
    parse_examples(&file, &content)
}

/// Reads and concatenates several example files.
pub fn read_all(paths: &[impl AsRef<Path>]) -> Result<Vec<Example>, DataError> {
    let mut all = Vec::new();
    for path in paths {
        all.append(&mut read_examples(path.as_ref())?);
    }
    Ok(all)
}

/// Parses example CSV `content`; `file` names it in errors.
pub fn parse_examples(file: &str, content: &str) -> Result<Vec<Example>, DataError> {
    let (header, rows) = parse_table(file, content)?;
    let columns = Columns::find(file, &header)?;
    let mut out = Vec::with_capacity(rows.len());
    for (line, fields) in rows {
        out.push(
            columns
                .example(&fields)
                .ok_or_else(|| DataError::Malformed {
                    file: file.to_owned(),
                    line,
                    reason: "empty text or label".to_owned(),
                })?,
        );
    }
    if out.is_empty() {
        return Err(DataError::Empty {
            file: file.to_owned(),
        });
    }
    Ok(out)
}

/// Parses the `text` column of CSV `content` (other columns, a label included, are ignored): the
/// messages of a file to classify. `file` names it in errors.
pub fn parse_texts(file: &str, content: &str) -> Result<Vec<String>, DataError> {
    let (header, rows) = parse_table(file, content)?;
    let text = header
        .iter()
        .position(|h| h.trim().eq_ignore_ascii_case("text"))
        .ok_or_else(|| DataError::MissingColumn {
            file: file.to_owned(),
            column: "text",
            found: header.join(","),
        })?;
    Ok(rows
        .into_iter()
        .map(|(_, fields)| {
            fields
                .get(text)
                .map(|t| t.trim().to_owned())
                .unwrap_or_default()
        })
        .collect())
}

/// A CSV table: its header and its non-blank records with their start lines, every record as wide
/// as the header.
type Table = (Vec<String>, Vec<(usize, Vec<String>)>);

fn parse_table(file: &str, content: &str) -> Result<Table, DataError> {
    let mut records = Records::new(content.strip_prefix('\u{feff}').unwrap_or(content));
    let malformed = |line, reason: &str| DataError::Malformed {
        file: file.to_owned(),
        line,
        reason: reason.to_owned(),
    };
    let header = match records.next() {
        Some(Ok((_, fields))) => fields,
        Some(Err(line)) => return Err(malformed(line, "unterminated quoted field")),
        None => {
            return Err(DataError::Empty {
                file: file.to_owned(),
            });
        }
    };
    let mut rows = Vec::new();
    for record in records {
        let (line, fields) = record.map_err(|line| malformed(line, "unterminated quoted field"))?;
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if fields.len() != header.len() {
            let reason = format!("expected {} fields, found {}", header.len(), fields.len());
            return Err(malformed(line, &reason));
        }
        rows.push((line, fields));
    }
    Ok((header, rows))
}

struct Columns {
    text: usize,
    label: usize,
    lang: Option<usize>,
}

impl Columns {
    fn find(file: &str, header: &[String]) -> Result<Self, DataError> {
        let position = |names: &[&str]| {
            header
                .iter()
                .position(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
        };
        let missing = |column| DataError::MissingColumn {
            file: file.to_owned(),
            column,
            found: header.join(","),
        };
        Ok(Self {
            text: position(&["text"]).ok_or_else(|| missing("text"))?,
            label: position(&["label", "category", "intent"]).ok_or_else(|| missing("label"))?,
            lang: position(&["lang", "language"]),
        })
    }

    fn example(&self, fields: &[String]) -> Option<Example> {
        let text = fields.get(self.text)?.trim();
        let label = fields.get(self.label)?.trim();
        if text.is_empty() || label.is_empty() {
            return None;
        }
        let lang = self
            .lang
            .and_then(|i| fields.get(i))
            .map(|l| l.trim().to_owned());
        Some(Example {
            text: text.to_owned(),
            label: label.to_owned(),
            lang: lang.filter(|l| !l.is_empty()),
        })
    }
}

/// Iterates over CSV records, yielding `(start line, fields)` or the start line of an
/// unterminated quoted field.
struct Records<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    line: usize,
}

impl<'a> Records<'a> {
    fn new(content: &'a str) -> Self {
        Self {
            chars: content.chars().peekable(),
            line: 1,
        }
    }
}

impl Iterator for Records<'_> {
    type Item = Result<(usize, Vec<String>), usize>;

    fn next(&mut self) -> Option<Self::Item> {
        self.chars.peek()?;
        let start = self.line;
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut was_quoted = false;
        while let Some(c) = self.chars.next() {
            match (c, quoted) {
                ('"', true) if self.chars.next_if_eq(&'"').is_some() => field.push('"'),
                ('"', true) => quoted = false,
                ('"', false) if field.is_empty() && !was_quoted => {
                    (quoted, was_quoted) = (true, true)
                }
                (',', false) => {
                    fields.push(std::mem::take(&mut field));
                    was_quoted = false;
                }
                ('\r', false) if self.chars.peek() == Some(&'\n') => {}
                ('\n', false) => {
                    self.line += 1;
                    fields.push(field);
                    return Some(Ok((start, fields)));
                }
                ('\n', true) => {
                    self.line += 1;
                    field.push('\n');
                }
                (c, _) => field.push(c),
            }
        }
        if quoted {
            return Some(Err(start));
        }
        fields.push(field);
        Some(Ok((start, fields)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_with_commas_quotes_and_newlines_are_read() {
        let csv =
            "text,label,lang\n\"hi, \"\"you\"\"\nthere\",greeting,en\nbye,thanks_goodbye,en\n";
        let ex = parse_examples("t.csv", csv).unwrap();
        assert_eq!(ex.len(), 2);
        assert_eq!(ex[0].text, "hi, \"you\"\nthere");
        assert_eq!(ex[1].lang.as_deref(), Some("en"));
    }

    #[test]
    fn category_column_is_accepted_as_the_label() {
        let ex = parse_examples("b.csv", "text,category\nmy card?,card_arrival\r\n").unwrap();
        assert_eq!(ex[0].label, "card_arrival");
        assert_eq!(ex[0].lang, None);
    }

    #[test]
    fn errors_name_the_file_and_the_line() {
        let err = parse_examples("x.csv", "text,label\na,b\nc,d,e\n").unwrap_err();
        assert_eq!(err.to_string(), "x.csv: line 3: expected 2 fields, found 3");
        let err = parse_examples("x.csv", "text,label\na,b\n\"open,b\n").unwrap_err();
        assert_eq!(err.to_string(), "x.csv: line 3: unterminated quoted field");
        let err = parse_examples("x.csv", "words,label\n").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("x.csv: line 1: header needs a `text` column")
        );
    }
}
