//! Listings as tables (comfy-table): `--list`, `--search`, `--catalogs`. Colour follows the one
//! decision made in main (headers bold, the class column by class). On a terminal the table
//! fits its width: codes, catalog ids and statuses are never broken, a name only between its
//! words, the meaning takes what is left; columns with nothing to say are left out; below a
//! usable width each row becomes a block of `label value` lines. Piped, the columns are plain
//! (no frame) and unlimited in width, for grep and awk.

use crate::catalog::{Entry, Registry};
use crate::lexicon::Class;
use comfy_table::{
    presets, Attribute, Cell, Color, ColumnConstraint, ContentArrangement, Table, Width,
};

/// The narrowest the last (free-text) column may become before rows turn into blocks.
const MIN_TEXT: usize = 20;

/// Spaces between two columns.
const GAP: usize = 2;

/// One listing: column names, rows of cells, and the class of each row (for colour).
struct Listing {
    head: Vec<&'static str>,
    rows: Vec<Vec<String>>,
    classes: Vec<Option<Class>>,
    /// Columns whose words may wrap; every other column keeps its cells whole, and the last
    /// column (free text) may wrap anywhere between words.
    wrap_words: Vec<usize>,
}

fn chars(s: &str) -> usize {
    textwrap::core::display_width(s)
}

impl Listing {
    /// Leaves out the columns that carry nothing: empty in every row, or (for `drop_same`)
    /// the same in every row of a listing with more than one row.
    fn prune(&mut self, drop_same: &[&str]) {
        let n = self.head.len();
        let keep: Vec<bool> = (0..n)
            .map(|i| {
                let mut cells = self.rows.iter().map(|r| r[i].as_str());
                let first = cells.next();
                let all_empty = self.rows.iter().all(|r| r[i].is_empty());
                let all_same = self.rows.len() > 1 && cells.all(|c| Some(c) == first);
                !(all_empty || all_same && drop_same.contains(&self.head[i]))
            })
            .collect();
        let mut index = 0;
        let mut remap = vec![None; n];
        for (i, k) in keep.iter().enumerate() {
            if *k {
                remap[i] = Some(index);
                index += 1;
            }
        }
        self.head = self
            .head
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(h, _)| *h)
            .collect();
        for r in &mut self.rows {
            let mut i = 0;
            r.retain(|_| {
                i += 1;
                keep[i - 1]
            });
        }
        self.wrap_words = self.wrap_words.iter().filter_map(|&i| remap[i]).collect();
    }

    /// The least width each column needs: whole cells, or the longest word where words may
    /// wrap; the last column gets `MIN_TEXT`.
    fn least(&self) -> Vec<usize> {
        let last = self.head.len().saturating_sub(1);
        (0..self.head.len())
            .map(|i| {
                let head = chars(self.head[i]);
                let cells = self.rows.iter().map(|r| {
                    if i == last {
                        0
                    } else if self.wrap_words.contains(&i) {
                        r[i].split_whitespace().map(chars).max().unwrap_or(0)
                    } else {
                        chars(&r[i])
                    }
                });
                let least = cells.max().unwrap_or(0).max(head);
                if i == last {
                    least.max(MIN_TEXT)
                } else {
                    least
                }
            })
            .collect()
    }

    fn render(&self, color: bool, width: Option<u16>) -> String {
        if self.rows.is_empty() {
            return String::new();
        }
        let least = self.least();
        let needed: usize = least.iter().map(|w| w + GAP).sum::<usize>() - GAP;
        match width {
            Some(w) if usize::from(w) < needed => self.blocks(color, usize::from(w)),
            _ => self.table(color, width, &least),
        }
    }

    fn table(&self, color: bool, width: Option<u16>, least: &[usize]) -> String {
        let mut t = Table::new();
        // Plain columns, on a terminal as in a pipe: a bold header says what each holds.
        t.load_preset(presets::NOTHING);
        if color {
            t.enforce_styling();
        } else {
            t.force_no_tty();
        }
        match width {
            Some(w) => {
                t.set_width(w);
                t.set_content_arrangement(ContentArrangement::Dynamic);
            }
            None => {
                t.set_content_arrangement(ContentArrangement::Disabled);
            }
        }
        t.set_header(
            self.head
                .iter()
                .map(|n| Cell::new(n).add_attribute(Attribute::Bold)),
        );
        for (row, class) in self.rows.iter().zip(&self.classes) {
            t.add_row(row.iter().zip(&self.head).map(|(cell, head)| {
                let c = Cell::new(cell);
                match class {
                    Some(class) if *head == "class" => c.fg(class_color(*class)),
                    _ => c,
                }
            }));
        }
        let last = self.head.len() - 1;
        for i in 0..=last {
            if let Some(col) = t.column_mut(i) {
                let right = if i == last { 0 } else { GAP as u16 };
                col.set_padding((0, right));
            }
        }
        if width.is_some() {
            for (i, w) in least.iter().enumerate().take(last) {
                // A constraint's width includes the column's padding.
                let w = u16::try_from(w + GAP).unwrap_or(u16::MAX);
                let constraint = if self.wrap_words.contains(&i) {
                    ColumnConstraint::LowerBoundary(Width::Fixed(w))
                } else {
                    ColumnConstraint::Absolute(Width::Fixed(w))
                };
                if let Some(col) = t.column_mut(i) {
                    col.set_constraint(constraint);
                }
            }
        }
        // Without a frame, the padding of the last column is trailing blanks: none are kept.
        let mut out = String::new();
        for line in t.lines() {
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }

    /// One block per row: the first two cells as a title, then one `label value` line per
    /// other cell, wrapped at the width with a hanging indent.
    fn blocks(&self, color: bool, width: usize) -> String {
        let label = self
            .head
            .iter()
            .skip(2)
            .map(|h| chars(h))
            .max()
            .unwrap_or(0);
        let mut out = String::new();
        for (n, row) in self.rows.iter().enumerate() {
            if n > 0 {
                out.push('\n');
            }
            let title = row.iter().take(2).filter(|c| !c.is_empty());
            let title = title.cloned().collect::<Vec<_>>().join("  ");
            let title = if color {
                format!("\u{1b}[1m{title}\u{1b}[0m")
            } else {
                title
            };
            super::wrap_into(&mut out, &title, Some(width), 2);
            for (head, cell) in self.head.iter().zip(row).skip(2) {
                if !cell.is_empty() {
                    let text = format!("  {head:<label$}  {cell}");
                    super::wrap_into(&mut out, &text, Some(width), label + 4);
                }
            }
        }
        out
    }
}

fn class_color(c: Class) -> Color {
    match c {
        Class::Success => Color::Green,
        Class::Client => Color::Yellow,
        Class::Server => Color::Red,
        Class::Network => Color::Magenta,
    }
}

pub fn entries(list: &[&'static Entry], color: bool, width: Option<u16>) -> String {
    let mut listing = Listing {
        head: vec![
            "catalog", "code", "name", "http", "class", "from", "retry", "meaning",
        ],
        rows: Vec::with_capacity(list.len()),
        classes: list.iter().map(|e| Some(e.class)).collect(),
        wrap_words: vec![2],
    };
    for e in list {
        let mut meaning: String = e.meaning.chars().take(90).collect();
        if e.meaning.chars().count() > 90 {
            meaning.push('…');
        }
        listing.rows.push(vec![
            e.catalog.to_string(),
            e.code.to_string(),
            e.name.to_string(),
            e.status.map_or(String::new(), |s| s.to_string()),
            e.class.as_str().to_string(),
            // A user catalog's entry is marked (an empty column is left out).
            if e.user { "user" } else { "" }.to_string(),
            e.retry.as_str().to_string(),
            meaning,
        ]);
    }
    listing.prune(&["catalog"]);
    listing.render(color, width)
}

pub fn catalogs(reg: &Registry, color: bool, width: Option<u16>) -> String {
    let cats = reg.catalogs();
    let mut listing = Listing {
        // The source (often a long address) goes last, where the text may break anywhere.
        head: vec!["id", "name", "entries", "from", "source"],
        rows: Vec::with_capacity(cats.len()),
        classes: vec![None; cats.len()],
        wrap_words: vec![1, 3],
    };
    for c in cats {
        listing.rows.push(vec![
            c.id.to_string(),
            c.name.to_string(),
            reg.count(c.id).to_string(),
            c.origins
                .iter()
                .map(|o| {
                    if o.starts_with("embedded (") {
                        "built in"
                    } else {
                        o
                    }
                })
                .collect::<Vec<_>>()
                .join(", "),
            c.source.to_string(),
        ]);
    }
    listing.prune(&[]);
    listing.render(color, width)
}
