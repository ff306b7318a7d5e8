//! Password checks on a bounded pool. Argon2 is made to be expensive (about 19 MiB and tens of
//! milliseconds per check), so checks run on a fixed set of threads, one per core (at most four),
//! fed by a queue of bounded length: a flood of logins waits in the queue or is turned away (429),
//! and can neither grow the process's memory nor take the async runtime's threads from customers.
//! Each thread keeps one argon2 memory buffer for its whole life and hashes into it, so a flood of
//! checks allocates nothing (argon2's own verification allocates per check, and the allocator kept
//! that memory per thread arena: RSS grew by 20 MiB per thread that ever checked).
//!
//! An unknown agent name is checked against a dummy hash of the same cost, so the answer's timing
//! does not tell which names exist.

use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex};

use argon2::{Algorithm, Argon2, Block, Params, PasswordHash, Version};
use thiserror::Error;
use tokio::sync::oneshot;

use crate::auth::hash_password;

/// Most checking threads, whatever the cores: each keeps about 19 MiB of argon2 memory, so four
/// bound what logins can ever hold to under 80 MiB, and still check about 50 logins a second.
pub const THREADS_MAX: usize = 4;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum PoolError {
    #[error("too many logins are being checked; retry in a few seconds")]
    Busy,
    #[error("the password checker stopped")]
    Stopped,
    #[error("cannot start the password checker: {0}")]
    Start(String),
}

struct Job {
    hash: String,
    password: String,
    done: oneshot::Sender<bool>,
}

/// The pool: a queue of bounded length in front of one thread per core (at most [`THREADS_MAX`]).
pub struct Passwords {
    jobs: SyncSender<Job>,
    dummy: String,
}

impl std::fmt::Debug for Passwords {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passwords")
    }
}

impl Passwords {
    /// Starts `threads` checking threads behind a queue of `queue_max` waiting checks.
    pub fn start(threads: usize, queue_max: usize) -> Result<Passwords, PoolError> {
        let (jobs, queue) = sync_channel::<Job>(queue_max);
        let queue = Arc::new(Mutex::new(queue));
        for n in 0..threads.max(1) {
            let queue = Arc::clone(&queue);
            std::thread::Builder::new()
                .name(format!("password-{n}"))
                .spawn(move || work(&queue))
                .map_err(|e| PoolError::Start(e.to_string()))?;
        }
        let mut noise = [0u8; 16];
        getrandom::fill(&mut noise).map_err(|e| PoolError::Start(e.to_string()))?;
        let dummy = hash_password(&hex::encode(noise)).map_err(PoolError::Start)?;
        Ok(Passwords { jobs, dummy })
    }

    /// Whether `password` matches `hash`; with no hash (an unknown name) the same work is done
    /// against the dummy hash and the answer is no.
    pub async fn check(&self, hash: Option<&str>, password: &str) -> Result<bool, PoolError> {
        let known = hash.is_some();
        let (done, answer) = oneshot::channel();
        let job = Job {
            hash: hash.unwrap_or(&self.dummy).to_owned(),
            password: password.to_owned(),
            done,
        };
        self.jobs.try_send(job).map_err(|e| match e {
            TrySendError::Full(_) => PoolError::Busy,
            TrySendError::Disconnected(_) => PoolError::Stopped,
        })?;
        let matches = answer.await.map_err(|_| PoolError::Stopped)?;
        Ok(known && matches)
    }
}

/// Largest argon2 memory a stored hash may ask for, in 1 KiB blocks (the default is 19 456).
const BLOCKS_MAX: usize = 256 * 1024;

/// A checking thread: takes jobs until the pool is dropped, hashing into its one buffer.
fn work(queue: &Mutex<Receiver<Job>>) {
    let mut memory: Vec<Block> = Vec::new();
    loop {
        let job = {
            let queue = queue.lock().unwrap_or_else(|p| p.into_inner());
            queue.recv()
        };
        let Ok(job) = job else { return };
        let ok = verify(&mut memory, job.password.as_bytes(), &job.hash);
        // The login may have been abandoned meanwhile.
        let _ = job.done.send(ok);
    }
}

/// Whether `password` matches the PHC string `phc`, hashing in `memory` (grown once as needed).
fn verify(memory: &mut Vec<Block>, password: &[u8], phc: &str) -> bool {
    let Ok(hash) = PasswordHash::new(phc) else {
        return false;
    };
    let (Some(salt), Some(expected)) = (&hash.salt, &hash.hash) else {
        return false;
    };
    let Ok(algorithm) = Algorithm::try_from(hash.algorithm.as_str()) else {
        return false;
    };
    let version = match hash.version.map(Version::try_from).transpose() {
        Ok(v) => v.unwrap_or_default(),
        Err(_) => return false,
    };
    let Ok(params) = Params::try_from(&hash) else {
        return false;
    };
    let blocks = params.block_count();
    if blocks > BLOCKS_MAX {
        return false;
    }
    if memory.len() < blocks {
        memory.resize(blocks, Block::new());
    }
    let expected = expected.as_bytes();
    let mut out = vec![0u8; expected.len()];
    let argon2 = Argon2::new(algorithm, version, params);
    let Some(blocks) = memory.get_mut(..blocks) else {
        return false;
    };
    argon2
        .hash_password_into_with_memory(password, salt, &mut out, blocks)
        .is_ok()
        && out
            .iter()
            .zip(expected)
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_right_password_matches_and_an_unknown_name_never_does() {
        let pool = Passwords::start(1, 4).unwrap();
        let hash = hash_password("secret words").unwrap();
        assert_eq!(pool.check(Some(&hash), "secret words").await, Ok(true));
        assert_eq!(pool.check(Some(&hash), "wrong").await, Ok(false));
        let dummy = pool.dummy.clone();
        assert_eq!(pool.check(None, "secret words").await, Ok(false));
        assert_eq!(pool.check(Some(&dummy), "x").await, Ok(false));
    }

    #[tokio::test]
    async fn checks_beyond_the_queue_are_turned_away() {
        let pool = Arc::new(Passwords::start(1, 2).unwrap());
        let hash = hash_password("p").unwrap();
        let checks: Vec<_> = (0..12)
            .map(|_| {
                let pool = Arc::clone(&pool);
                let hash = hash.clone();
                tokio::spawn(async move { pool.check(Some(&hash), "q").await })
            })
            .collect();
        let mut busy = 0;
        for check in checks {
            if check.await.unwrap() == Err(PoolError::Busy) {
                busy += 1;
            }
        }
        assert!(busy >= 12 - 3, "only {busy} of 12 were turned away");
    }
}
