//! `generate`: realistic dossiers that follow the published distributions.

use super::EXIT_OK;
use super::args::Io;
use std::path::PathBuf;

/// `generate`'s arguments.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// How many dossiers (at most 2,000,000; ignored with --match-published).
    #[arg(long, default_value_t = 1000, value_parser = parse_count)]
    count: usize,
    /// The seed: the same seed writes the same dossiers.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The folder to write into: new or empty (created if needed).
    #[arg(long)]
    out: PathBuf,
    /// Exactly the published 23,186 trajectories, whose table equals the published one.
    #[arg(long)]
    match_published: bool,
    /// Share of dossiers given one injected error (0 to 1).
    #[arg(long, default_value_t = 0.1)]
    violations: f64,
}

fn parse_count(s: &str) -> Result<usize, String> {
    let max = twe_core::generate::MAX_COUNT;
    match s.parse::<usize>() {
        Ok(n) if n <= max => Ok(n),
        _ => Err(format!(
            "«{s}»: een aantal van 0 tot {max} / a number from 0 to {max}; generate more in several folders"
        )),
    }
}

/// Writes the dossiers; exit 0, or the error that stopped the writing.
pub fn run(args: &Args, io: &mut Io<'_>) -> std::io::Result<u8> {
    let opts = twe_core::generate::Options {
        count: args.count,
        seed: args.seed,
        match_published: args.match_published,
        violations: args.violations.clamp(0.0, 1.0),
    };
    let dossiers = twe_core::generate::generate(&opts);
    let injected = dossiers.iter().filter(|(_, i)| i.is_some()).count();
    let n = twe_core::generate::write(&dossiers, &args.out)?;
    io.say(&format!(
        "{n} dossiers → {} ({injected} met een ingebrachte fout / with an injected error)",
        args.out.display()
    ))?;
    Ok(EXIT_OK)
}

#[cfg(test)]
mod tests {
    use super::super::{Cli, Command};
    use super::*;
    use clap::Parser;

    fn parse(args: &[&str]) -> Result<Args, clap::Error> {
        let cli = Cli::try_parse_from(["twe-planner", "generate"].iter().chain(args))?;
        match cli.command {
            Some(Command::Generate(a)) => Ok(a),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn defaults() {
        let a = parse(&["--out", "map"]).unwrap();
        assert_eq!((a.count, a.seed), (1000, 1));
        assert!((a.violations - 0.1).abs() < f64::EPSILON && !a.match_published);
        assert!(parse(&[]).is_err(), "--out is required");
    }

    #[test]
    fn a_count_is_bounded() {
        let max = twe_core::generate::MAX_COUNT;
        assert_eq!(
            parse(&["--out", "m", "--count", &max.to_string()])
                .unwrap()
                .count,
            max
        );
        let over = parse(&["--out", "m", "--count", &(max + 1).to_string()]).unwrap_err();
        assert!(over.to_string().contains("several folders"), "{over}");
        assert!(parse(&["--out", "m", "--count", "-1"]).is_err());
    }
}
