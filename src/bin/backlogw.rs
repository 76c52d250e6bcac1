//! `backlogw.exe`: the desktop app as Windows starts it from the Start menu.
//!
//! `backlog.exe` is a console program, so that `backlog assess …` prints in a
//! terminal. Started from the Start menu, Windows would open an empty console
//! window beside the app for it. This is the same app built for the Windows
//! GUI subsystem, so no console opens (no `unsafe` needed: it is a linker
//! setting). It has nowhere to print, so anything that stops the window from
//! opening is shown in a message box instead.
//!
//! It takes the options `backlog` takes with no command (`--data-dir DIR`).
//! On other systems there is nothing to hide, and this binary only points to
//! `backlog`; the packages for Linux and macOS do not ship it.
#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;

#[cfg(windows)]
fn main() -> ExitCode {
    match open() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            rfd::MessageDialog::new()
                .set_level(rfd::MessageLevel::Error)
                .set_title("Backlog")
                .set_description(message)
                .set_buttons(rfd::MessageButtons::Ok)
                .show();
            ExitCode::from(1)
        }
    }
}

/// Opens the window as `backlog` with no command does; the error, if any, as
/// the one message the person will see.
#[cfg(windows)]
fn open() -> Result<(), String> {
    use clap::Parser as _;
    let cli = backlog::cli::Cli::try_parse_from(std::env::args_os())
        .map_err(|e| e.render().to_string())?;
    if cli.command.is_some() {
        return Err("backlogw only opens the Backlog window. To run a command \
                    such as `assess`, use backlog.exe in a terminal."
            .to_owned());
    }
    let data_dir = backlog::store::resolve_data_dir(cli.data_dir).map_err(|e| e.to_string())?;
    backlog::app::open_window(backlog::app::Config {
        data_dir,
        today: None,
        locale: backlog::journal::locale::first_with_region(sys_locale::get_locales()),
    })
    .map_err(|e| format!("{e:#}"))
}

#[cfg(not(windows))]
fn main() -> ExitCode {
    eprintln!("backlogw is the Windows launcher; on this system, run `backlog` instead.");
    ExitCode::from(2)
}
