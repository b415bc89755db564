//! The `twe-planner` binary: the command line, or the window when no command is given.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
