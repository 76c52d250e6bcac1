//! What is on disk, to check that something changed nothing. A test binary
//! that needs it takes it with `#[path = "../common/disk.rs"] mod disk;`
//! (apart from `common`, so a binary that does not use it has nothing
//! unused).

use std::fs;
use std::path::{Path, PathBuf};

/// Every path under `dir` with its bytes (folders as `None`), sorted: two
/// equal trees mean nothing was created, removed or changed.
pub fn tree(dir: &Path) -> Vec<(PathBuf, Option<Vec<u8>>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(read) = fs::read_dir(&d) else { continue };
        for e in read {
            let p = e.unwrap().path();
            if p.is_dir() {
                out.push((p.clone(), None));
                stack.push(p);
            } else {
                out.push((p.clone(), fs::read(&p).ok()));
            }
        }
    }
    out.sort();
    out
}
