//! `backlog`: no arguments opens the desktop app; otherwise runs the CLI.

use std::process::ExitCode;

fn main() -> ExitCode {
    match backlog::cli::parse_and_run(std::env::args_os()) {
        backlog::cli::Parsed::Done(code) => code,
        backlog::cli::Parsed::Gui(_cli) => {
            backlog::cli::print_help();
            ExitCode::SUCCESS
        }
    }
}
