//! The ranking weights: how far each piece of evidence moves an entry's score. A score only
//! orders the entries that fit one error (it is shown as `score` in `--json`, and means nothing
//! on its own), so what matters is how the weights compare; this table is the one place where
//! that balance is set. The order they make is the one README.md's *Ranking* describes.

/// How the key met the entry: by its code first...
pub const CODE: i32 = 100;
/// ...then by an alias the catalog lists for it...
pub const ALIAS: i32 = 90;
/// ...then by its name, a label rather than what a service sends.
pub const NAME: i32 = 70;
/// Written exactly as the catalog writes it: ahead of every spelling that was forgiven (case,
/// separators), be it of a code, an alias or a name.
pub const EXACT: i32 = 50;
/// A number from 100 to 599 is a status first: the HTTP catalog's entry gets a small lead,
/// which decides between entries that are otherwise equal.
pub const STATUS_NUMBER: i32 = 5;
/// The shape that carried the error (an S3 XML body, a Cloudflare envelope) points to the
/// entry's catalog: the strongest evidence of where a code comes from.
pub const SHAPE_POINTS: i32 = 40;
/// An API's error is not explained by an error page's entry (product `edge`) of the same
/// number: such an entry is pushed down further than the shape's pointing lifts it.
pub const EDGE_FOR_API: i32 = -60;
/// Each hint elsewhere in the input (a header, a vendor's name in the text) that points to
/// the entry's catalog: less than the error's own shape says.
pub const HINT: i32 = 20;
/// The response's HTTP status is the entry's.
pub const STATUS_AGREES: i32 = 15;
/// The response's HTTP status is another: a wrong status speaks louder against an entry than
/// the right one speaks for it.
pub const STATUS_DISAGREES: i32 = -30;
/// Each word (of four letters or more) that the server's message shares with the entry's
/// official message...
pub const SHARED_WORD: i32 = 4;
/// ...up to this much in all: words alone never lift a match by name above one by code.
pub const SHARED_WORDS_MAX: i32 = 20;
/// A built-in message pattern occurs in the text: the most specific evidence there is.
pub const PATTERN: i32 = 200;
/// The response's status stands for the error when nothing more specific is known.
pub const STATUS_ENTRY: i32 = 50;

// What the reasons above rely on, checked as the crate builds: a change to one weight that
// breaks what another's reason says does not compile.
const _: () = {
    assert!(CODE > ALIAS && ALIAS > NAME);
    assert!(
        NAME + EXACT > CODE,
        "an exact name goes ahead of a forgiven code"
    );
    assert!(STATUS_NUMBER < CODE - ALIAS, "a lead between equals only");
    assert!(-EDGE_FOR_API > SHAPE_POINTS);
    assert!(HINT < SHAPE_POINTS);
    assert!(-STATUS_DISAGREES > STATUS_AGREES);
    assert!(NAME + SHARED_WORDS_MAX < CODE);
};
