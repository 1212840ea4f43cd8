//! Integration tests: every one runs the real binary.

mod attacker;
mod cli;
mod corpus;
mod generated;
mod hostile;
mod labels;
mod library;
mod modes;
mod notations;
mod outcomes;
mod pages;
mod payloads;
mod readme;
mod recipes;
mod responses;
mod schema;
mod seeds;
mod streams;
mod terminal;
mod user_catalogs;
mod util;
