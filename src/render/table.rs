//! Listings as tables (comfy-table): `--list`, `--search`, `--catalogs`. Colour follows the one
//! decision made in main (headers bold, the class column by class); width follows the terminal
//! when standard output is one, and is unlimited otherwise.

use crate::catalog::{Class, Entry, Registry};
use comfy_table::{presets, Attribute, Cell, Color, ContentArrangement, Table};

fn table(color: bool, tty_width: Option<u16>) -> Table {
    let mut t = Table::new();
    // On a terminal, a light frame; piped, plain columns for grep and awk.
    t.load_preset(match tty_width {
        Some(_) if super::utf8_locale() => presets::UTF8_BORDERS_ONLY,
        Some(_) => presets::ASCII_BORDERS_ONLY,
        None => presets::NOTHING,
    });
    if color {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
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

fn header(names: &[&str]) -> Vec<Cell> {
    names
        .iter()
        .map(|n| Cell::new(n).add_attribute(Attribute::Bold))
        .collect()
}

fn class_cell(c: Class) -> Cell {
    let color = match c {
        Class::Success => Color::Green,
        Class::Client => Color::Yellow,
        Class::Server => Color::Red,
        Class::Network => Color::Magenta,
    };
    Cell::new(c.as_str()).fg(color)
}

pub fn entries(list: &[&'static Entry], color: bool, width: Option<u16>) -> String {
    let mut t = table(color, width);
    t.set_header(header(&[
        "catalog", "code", "name", "status", "class", "retry", "meaning",
    ]));
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
            class_cell(e.class),
            Cell::new(e.retry.as_str()),
            Cell::new(meaning),
        ]);
    }
    format!("{t}\n")
}

pub fn catalogs(reg: &Registry, color: bool, width: Option<u16>) -> String {
    let mut t = table(color, width);
    t.set_header(header(&["id", "name", "entries", "source", "from"]));
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
