//! The desktop's message bus (D-Bus), which the window's screen-reader
//! support (AccessKit over AT-SPI) and the file dialogs (the desktop
//! portal) talk to. Backlog opens no network connections of its own, but
//! a bus address from the environment that is not on this computer
//! (`tcp:host=…`) would make those libraries open one.
//!
//! So before the window opens, the addresses are checked; if one is not
//! local, the app starts itself again without those variables (the
//! libraries then use the local default, `$XDG_RUNTIME_DIR/bus`) and says
//! so on stderr. Changing the environment in place would need `unsafe`
//! (`std::env::remove_var`), which this crate forbids; a new process with
//! a cleaned environment needs none.

use std::ffi::OsString;
use std::process::{Command, ExitCode};

/// The variables the bus libraries read an address from.
const ADDRESS_VARS: [&str; 3] = [
    "DBUS_SESSION_BUS_ADDRESS",
    "AT_SPI_BUS_ADDRESS",
    "DBUS_SYSTEM_BUS_ADDRESS",
];

/// True when every address in a D-Bus address list (`;`-separated) is on
/// this computer: only `unix:` sockets and macOS's `launchd:` are. Any
/// other transport (`tcp:`, `nonce-tcp:`, `unixexec:`, `autolaunch:`, one
/// not known) is not taken to be local.
pub fn is_local(address: &str) -> bool {
    address
        .split(';')
        .filter(|a| !a.trim().is_empty())
        .all(|a| matches!(a.split(':').next().map(str::trim), Some("unix" | "launchd")))
}

/// When a bus address in the environment is not local, runs this program
/// again without those variables and gives back its exit status; `None`
/// when the environment is fine and the window can open here.
pub fn relaunch_if_remote() -> Option<ExitCode> {
    let remote: Vec<&str> = ADDRESS_VARS
        .into_iter()
        .filter(|var| {
            std::env::var_os(var).is_some_and(|v| !v.is_empty() && !is_local(&v.to_string_lossy()))
        })
        .collect();
    if remote.is_empty() {
        return None;
    }
    eprintln!(
        "backlog: the desktop message bus address ({}) points to another computer, and Backlog makes no network connections, so it ignores it. Screen readers and file dialogs may not work in this window.",
        remote.join(", ")
    );
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => {
            eprintln!(
                "backlog: could not start the window without that address ({e}). Unset {} and try again.",
                remote.join(", ")
            );
            return Some(ExitCode::from(1));
        }
    };
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let mut command = Command::new(exe);
    command.args(args);
    for var in &remote {
        command.env_remove(var);
    }
    Some(match command.status() {
        Ok(status) => status
            .code()
            .and_then(|c| u8::try_from(c).ok())
            .map_or(ExitCode::from(1), ExitCode::from),
        Err(e) => {
            eprintln!("backlog: could not start the window ({e}).");
            ExitCode::from(1)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_unix_sockets_and_launchd_count_as_local() {
        for local in [
            "unix:path=/run/user/1000/bus",
            "unix:abstract=/tmp/dbus-x,guid=1",
            "unix:path=/a;unix:path=/b",
            "launchd:env=DBUS_LAUNCHD_SESSION_BUS_SOCKET",
        ] {
            assert!(is_local(local), "{local}");
        }
        for remote in [
            "tcp:host=10.0.0.1,port=1234",
            "unix:path=/run/bus;tcp:host=example.org,port=1",
            "nonce-tcp:host=localhost,port=1",
            "unixexec:path=/bin/sh",
            "autolaunch:",
            "something",
        ] {
            assert!(!is_local(remote), "{remote}");
        }
    }
}
