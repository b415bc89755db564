//! The `twe-planner` binary: the command line, or the window when no command is given.

fn main() -> std::process::ExitCode {
    twe_planner::cli::main()
}
