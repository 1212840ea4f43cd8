//! The exit-code contract scripts rely on: 0 success, 1 client error (and errexplain's own bad
//! input), 2 server error, 3 network error.

use crate::lexicon::Class;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    Success = 0,
    Client = 1,
    Server = 2,
    Network = 3,
}

impl Exit {
    /// Several inputs give the highest code among them: a network failure outranks a server
    /// error, which outranks a client error, which outranks success.
    pub fn merge(self, other: Exit) -> Exit {
        self.max(other)
    }

    pub fn code(self) -> u8 {
        self as u8
    }
}

impl From<Class> for Exit {
    fn from(c: Class) -> Exit {
        match c {
            Class::Success => Exit::Success,
            Class::Client => Exit::Client,
            Class::Server => Exit::Server,
            Class::Network => Exit::Network,
        }
    }
}

impl From<Exit> for u8 {
    fn from(e: Exit) -> u8 {
        e.code()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_map_to_the_documented_codes() {
        let table = [
            (Class::Success, 0),
            (Class::Client, 1),
            (Class::Server, 2),
            (Class::Network, 3),
        ];
        for (class, code) in table {
            assert_eq!(Exit::from(class).code(), code, "{class:?}");
        }
    }

    #[test]
    fn merge_takes_the_most_severe() {
        let table = [
            (Exit::Success, Exit::Success, Exit::Success),
            (Exit::Success, Exit::Client, Exit::Client),
            (Exit::Client, Exit::Server, Exit::Server),
            (Exit::Server, Exit::Client, Exit::Server),
            (Exit::Network, Exit::Server, Exit::Network),
            (Exit::Client, Exit::Network, Exit::Network),
        ];
        for (a, b, want) in table {
            assert_eq!(a.merge(b), want, "{a:?} + {b:?}");
        }
    }
}
