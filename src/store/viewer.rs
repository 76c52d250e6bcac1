//! Opening a saved file (the summary PDF) in the person's own viewer, and
//! saying so honestly when nothing opened it.
//!
//! It lives with the store because it is the same kind of edge: the one
//! place both faces (the app's "Open to print" and `summary --open`) reach
//! outside the process for a file.
//!
//! On Linux and the BSDs, `xdg-open` is run and watched for a few seconds:
//! when it fails (no program for PDF files, exit 3 or 4) the person is told,
//! where `opener` would report success without looking. When it is still
//! running after the wait, a viewer is taken to be showing the file (some
//! desktops keep `xdg-open` running as long as the viewer). On macOS
//! (`open`) and Windows (the shell) `opener` already reports failure.

use std::path::Path;

/// Why the file did not open. The texts are the middle of a sentence.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ViewerError {
    #[error("no program to open PDF files was found on this computer")]
    NoViewer,
    #[error("the viewer could not be started ({0})")]
    Failed(String),
}

/// Opens `path` with the system's viewer for its kind of file.
pub fn open_in_viewer(path: &Path) -> Result<(), ViewerError> {
    platform::open(path)
}

#[cfg(all(unix, not(target_os = "macos")))]
mod platform {
    use std::io;
    use std::path::Path;
    use std::process::{Command, Stdio};
    use std::thread;
    use std::time::{Duration, Instant};

    use super::ViewerError;

    /// How long `xdg-open` may take to say it failed.
    const WAIT: Duration = Duration::from_secs(3);

    pub fn open(path: &Path) -> Result<(), ViewerError> {
        let mut child = Command::new("xdg-open")
            .arg(path)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| match e.kind() {
                io::ErrorKind::NotFound => ViewerError::NoViewer,
                _ => ViewerError::Failed(crate::store::io_reason(&e)),
            })?;
        let deadline = Instant::now() + WAIT;
        loop {
            match child.try_wait() {
                Ok(Some(status)) if status.success() => return Ok(()),
                Ok(Some(_)) => return Err(ViewerError::NoViewer),
                Ok(None) if Instant::now() < deadline => {
                    thread::sleep(Duration::from_millis(25));
                }
                Ok(None) => {
                    // Still running: the viewer is up. Reap it when it ends,
                    // so it does not linger as a zombie.
                    let _ = thread::Builder::new()
                        .name("viewer-reaper".into())
                        .spawn(move || child.wait());
                    return Ok(());
                }
                Err(e) => return Err(ViewerError::Failed(crate::store::io_reason(&e))),
            }
        }
    }
}

#[cfg(not(all(unix, not(target_os = "macos"))))]
mod platform {
    use std::path::Path;

    use super::ViewerError;

    pub fn open(path: &Path) -> Result<(), ViewerError> {
        opener::open(path).map_err(|e| match e {
            opener::OpenError::ExitStatus { .. } => ViewerError::NoViewer,
            other => ViewerError::Failed(other.to_string()),
        })
    }
}
