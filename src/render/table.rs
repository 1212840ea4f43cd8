//! Listings as tables (comfy-table): `--list`, `--search`, `--catalogs`. Tables carry no colour
//! (so no escape codes ever reach a pipe from them); their width follows the terminal when
//! standard output is one, and is unlimited otherwise.

use crate::catalog::{Entry, Registry};
use comfy_table::{presets, Cell, ContentArrangement, Table};

fn table(tty_width: Option<u16>) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::UTF8_BORDERS_ONLY);
    match tty_width {
        Some(w) => {
            t.set_width(w);
            t.set_content_arrangement(ContentArrangement::Dynamic);
        }
        None => {
            t.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    t
}

pub fn entries(list: &[&'static Entry], width: Option<u16>) -> String {
    let mut t = table(width);
    t.set_header(vec![
        "catalog", "code", "name", "status", "class", "retry", "meaning",
    ]);
    for e in list {
        let mut meaning: String = e.meaning.chars().take(90).collect();
        if e.meaning.chars().count() > 90 {
            meaning.push('…');
        }
        t.add_row(vec![
            Cell::new(e.catalog),
            Cell::new(e.code),
            Cell::new(e.name),
            Cell::new(e.status.map_or(String::new(), |s| s.to_string())),
            Cell::new(e.class.as_str()),
            Cell::new(e.retry.as_str()),
            Cell::new(meaning),
        ]);
    }
    format!("{t}\n")
}

pub fn catalogs(reg: &Registry, width: Option<u16>) -> String {
    let mut t = table(width);
    t.set_header(vec!["id", "name", "entries", "source", "from"]);
    for c in reg.catalogs() {
        t.add_row(vec![
            Cell::new(c.id),
            Cell::new(c.name),
            Cell::new(reg.count(c.id)),
            Cell::new(c.source),
            Cell::new(c.origins.join("\n")),
        ]);
    }
    format!("{t}\n")
}
