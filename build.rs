//! Windows only: puts the icon and the version information into
//! `backlog.exe` and `backlogw.exe`, so Explorer, the Start menu and the
//! taskbar show Backlog's icon and the file's Properties say what it is.
//!
//! For every other target it does nothing: it prints only the
//! rerun-if-changed lines, so it runs once and Linux and macOS builds are
//! unchanged. The build script is compiled for the machine that builds, so it
//! asks Cargo's `CARGO_CFG_TARGET_OS` which system the program is for;
//! `#[cfg(windows)]` here would describe the build machine instead.
//!
//! Cross-building from Linux needs MinGW's `windres` (Debian:
//! `binutils-mingw-w64-x86-64`); building on Windows with MSVC uses the
//! Windows SDK's `rc.exe`. `packaging/icons.sh` makes `assets/icon.ico`.

use std::env;
use std::error::Error;

/// The two programs, and the description Windows shows for each.
const BINARIES: [(&str, &str); 2] = [
    ("backlog", "Backlog (desktop app and command line)"),
    ("backlogw", "Backlog"),
];

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/icon.ico");
    if env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return Ok(());
    }
    let version = env::var("CARGO_PKG_VERSION")?;
    let icon = format!("{}/assets/icon.ico", env::var("CARGO_MANIFEST_DIR")?);
    for (binary, description) in BINARIES {
        let mut resource = winresource::WindowsResource::new();
        resource
            .set_icon(&icon)
            .set("ProductName", "Backlog")
            .set("FileDescription", description)
            .set("OriginalFilename", &format!("{binary}.exe"))
            .set("InternalName", binary)
            .set("CompanyName", "The Backlog maintainers")
            .set("LegalCopyright", "MIT OR Apache-2.0")
            .set("ProductVersion", &version)
            .set("FileVersion", &version);
        resource.compile_for(binary)?;
    }
    Ok(())
}
