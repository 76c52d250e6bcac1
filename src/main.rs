//! `backlog`: no arguments opens the desktop app; otherwise runs the CLI.

use std::process::ExitCode;

#[cfg(all(feature = "gui", unix))]
mod session_bus;

fn main() -> ExitCode {
    file_size_limit_as_an_error();
    match backlog::cli::parse_and_run(std::env::args_os()) {
        backlog::cli::Parsed::Done(code) => code,
        backlog::cli::Parsed::Gui(cli) => gui(cli),
    }
}

/// Under a file size limit (`ulimit -f`) the kernel kills a process whose
/// write passes it (SIGXFSZ), before any message can be shown. With a
/// handler installed, the write fails with "file too large" instead, and
/// the save says so like any other failed save: the journal is unchanged.
fn file_size_limit_as_an_error() {
    #[cfg(unix)]
    {
        let seen = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        // Without the handler, the default (being killed) stays: no worse.
        let _ = signal_hook::flag::register(signal_hook::consts::SIGXFSZ, seen);
    }
}

#[cfg(feature = "gui")]
fn gui(cli: backlog::cli::Cli) -> ExitCode {
    #[cfg(unix)]
    if let Some(code) = session_bus::relaunch_if_remote() {
        return code;
    }
    let result = backlog::store::resolve_data_dir(cli.data_dir)
        .map_err(anyhow::Error::from)
        .and_then(|data_dir| {
            backlog::app::open_window(backlog::app::Config {
                data_dir,
                today: None,
                locale: backlog::journal::locale::first_with_region(sys_locale::get_locales()),
            })
        });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("backlog: {e:#}");
            ExitCode::from(1)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn gui(_cli: backlog::cli::Cli) -> ExitCode {
    backlog::cli::print_help();
    ExitCode::SUCCESS
}
