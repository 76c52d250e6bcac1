//! `backlog`: no arguments opens the desktop app; otherwise runs the CLI.

use std::process::ExitCode;

fn main() -> ExitCode {
    match backlog::cli::parse_and_run(std::env::args_os()) {
        backlog::cli::Parsed::Done(code) => code,
        backlog::cli::Parsed::Gui(cli) => gui(cli),
    }
}

#[cfg(feature = "gui")]
fn gui(cli: backlog::cli::Cli) -> ExitCode {
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
