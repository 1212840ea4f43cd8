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
/// The status's entry in a catalog the evidence points to (Discord's 429 for a Discord
/// body) goes ahead of HTTP's.
pub const STATUS_IN_CATALOG: i32 = 10;
/// A catch-all code (Discord's 0, curl's 22) says less than the status it came with: it
/// falls below the status's entry, however exactly it matched.
pub const CATCH_ALL: i32 = -150;
/// A phrasing a client is known to print for the entry (a library's enum name, a runtime's
/// message): a code's weight less what a code alone says of where it comes from.
pub const PHRASE: i32 = 70;
/// The entry's own wording (its official message, or its symbolic code written in the
/// text): less than a client's phrasing, since other services word their errors alike.
pub const OWN_WORDING: i32 = 45;
/// A phrasing that is the entry's own symbolic code (`NoSuchKey`), whoever prints it: more
/// than a name or message, which other entries share (R2 names its 10006 `NoSuchBucket`).
pub const CODE_IN_TEXT: i32 = 15;
/// Beside a code that names entries, the message's wording weighs at most this much: it
/// chooses between the code's entries (R2's 10006 and S3's NoSuchBucket), it does not
/// outweigh the code.
pub const WORDING_BESIDE_CODE: i32 = 20;
/// Each further phrasing of the same entry in the same place...
pub const PHRASE_MORE: i32 = 10;
/// ...up to this much: many wordings of one failure are still one piece of evidence.
pub const PHRASE_MORE_MAX: i32 = 20;
/// A phrasing of common words: it supports an entry other evidence points to.
pub const PHRASE_WEAK: i32 = 15;
/// An errno number after its label (`[Errno 111]`): Linux and macOS number some errors
/// differently, so a number alone says less than a phrasing.
pub const ERRNO: i32 = 40;
/// An errno number followed by its own message (`111: Connection refused`).
pub const ERRNO_WORDED: i32 = 80;
/// A network failure read in the text of a response that came back: the server answered,
/// so what it says of a connection is about its own upstream, not this request.
pub const NETWORK_BUT_ANSWERED: i32 = -120;
/// An error in a server's answer matched to a catalog of the caller's side (an OS error, a
/// tool's exit code) that its shape does not point to: it is the server's error, not one
/// of those, so the match falls below the status's entry.
pub const LOCAL_IN_ANSWER: i32 = -120;
/// A client's own meaning of a code, where the text names that client (axios's
/// `ECONNABORTED` is its timeout, not the socket's abort): above the code's own entry.
pub const CLIENT_MEANING: i32 = 10;
/// A network failure a line gives as the cause of the error status it answered with (a
/// proxy's `502 ... caused by: ... connection refused`): above the status's entry.
pub const CAUSE_OF_ANSWER: i32 = 80;
/// Of the entries a text's wordings support, the one worded last (in a chain of errors the
/// cause comes last): a lead between equals only.
pub const WORDED_LAST: i32 = 1;
/// At most this many hints count for one entry.
pub const MAX_HINTS: usize = 2;

// What the reasons above rely on, checked as the crate builds: a change to one weight that
// breaks what another's reason says does not compile.
const _: () = {
    assert!(CODE > ALIAS && ALIAS > NAME);
    assert!(
        NAME + EXACT > CODE,
        "an exact name goes ahead of a forgiven code"
    );
    assert!(STATUS_NUMBER < CODE - ALIAS, "a lead between equals only");
    assert!(
        WORDED_LAST < SHARED_WORD && WORDED_LAST < STATUS_NUMBER,
        "a lead between equals only"
    );
    assert!(-EDGE_FOR_API > SHAPE_POINTS);
    assert!(HINT < SHAPE_POINTS);
    assert!(-STATUS_DISAGREES > STATUS_AGREES);
    assert!(NAME + SHARED_WORDS_MAX < CODE);
    assert!(
        CODE + EXACT + SHAPE_POINTS + CATCH_ALL < STATUS_ENTRY,
        "a catch-all yields to its status"
    );
    assert!(PHRASE > OWN_WORDING + CODE_IN_TEXT && OWN_WORDING > PHRASE_WEAK);
    assert!(
        OWN_WORDING + PHRASE_MORE_MAX < PHRASE + PHRASE_MORE,
        "one client phrasing outweighs many own words"
    );
    assert!(
        OWN_WORDING + STATUS_AGREES < STATUS_ENTRY + STATUS_AGREES + HINT,
        "an official message alone does not outrank a status its catalog is pointed to"
    );
    assert!(
        PHRASE + NETWORK_BUT_ANSWERED < STATUS_ENTRY,
        "a network phrasing in an answer yields to the answer's status"
    );
    assert!(ERRNO < OWN_WORDING && ERRNO_WORDED > PHRASE);
    assert!(
        CODE + EXACT + LOCAL_IN_ANSWER < STATUS_ENTRY,
        "a local code yields to the answer"
    );
    assert!(
        CODE + EXACT + STATUS_AGREES + SHARED_WORDS_MAX + CATCH_ALL < STATUS_ENTRY,
        "a code many APIs share, where nothing names its catalog, yields to its status"
    );
    assert!(
        WORDING_BESIDE_CODE < CODE - ALIAS + EXACT,
        "wording never turns a code match"
    );
};
