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
    let result = data_dir(cli.data_dir).and_then(|data_dir| {
        backlog::app::run(backlog::app::Config {
            data_dir,
            today: None,
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

#[cfg(feature = "gui")]
fn data_dir(flag: Option<std::path::PathBuf>) -> anyhow::Result<std::path::PathBuf> {
    if let Some(dir) = flag {
        return Ok(dir);
    }
    directories::ProjectDirs::from("org", "Backlog", "Backlog")
        .map(|d| d.data_dir().to_path_buf())
        .ok_or_else(|| {
            anyhow::anyhow!("Could not find your home folder. Start Backlog with --data-dir DIR.")
        })
}

#[cfg(not(feature = "gui"))]
fn gui(_cli: backlog::cli::Cli) -> ExitCode {
    backlog::cli::print_help();
    ExitCode::SUCCESS
}
