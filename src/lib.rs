//! errexplain explains API errors: codes, HTTP statuses and whole responses. The binary
//! (`src/main.rs`) is a thin shell over these modules; data flows one way: arguments or
//! standard input → [`input`] evidence → [`explain`] ranked matches → [`render`] → [`exit`].

pub mod catalog;
pub mod cli;
pub mod color;
pub mod exit;
pub mod explain;
pub mod follow;
pub mod generate;
pub mod input;
pub mod query;
pub mod render;
pub mod run;
pub mod sanitize;
mod words;
