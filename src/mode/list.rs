//! `--list [CATALOG]`: every entry, of one catalog or of all (those `-c` allows), in catalog
//! and file order. `--catalogs` lists the catalogs themselves: the registry is that mode's
//! whole outcome, so it has no function here, only its forms in `render/`.

use crate::catalog::{Entry, Registry};
use crate::explain::Filter;
use crate::sanitize::Untrusted;

/// The entries of catalog `which`, or of every catalog `filter` allows when `which` is empty.
pub fn list(reg: &Registry, which: &str, filter: &Filter) -> Result<Vec<&'static Entry>, String> {
    if which.is_empty() {
        return Ok(reg.entries().filter(|e| filter.allows(e)).collect());
    }
    let c = reg
        .catalog(which)
        .ok_or_else(|| format!("unknown catalog {:?}", Untrusted::new(which).clean()))?;
    Ok(reg.entries().filter(|e| e.catalog == c.id).collect())
}
