use super::*;

#[test]
fn diag() {
    let p = Prefilter::for_errors();
    for l in [
        "2024-05-01T10:00:35Z INFO worker 12 processed batch of 200 items in 35 ms",
        "INFO worker",
        "processed batch",
        "of 200 items in 35 ms",
        "2024-05-01T10:00:35Z",
    ] {
        eprintln!("{l:?} {:?}", p.line(l.as_bytes()));
    }
    eprintln!("{} literals", p.literals.len());
}
