//! `errexplain::fuzzing::body_reader` on what libFuzzer makes of the seeds: it panics on any raw
//! control or invisible character and any part of the planted secret in any output.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| errexplain::fuzzing::body_reader(data));
