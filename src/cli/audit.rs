//! `audit`: the data audit of the published figures, one line per defect.

use super::EXIT_OK;
use super::args::{Io, LangArg};
use twe_core::stats::{published_defects, summary};

/// `audit`'s arguments.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Language of the lines.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

/// Every defect of the published figures, one a line; exit 0.
pub fn run(args: &Args, io: &mut Io<'_>) -> std::io::Result<u8> {
    let lang = LangArg::or_env(args.lang);
    for defect in published_defects() {
        io.say(&defect.message(lang))?;
    }
    // What was checked, also when all of it agreed.
    io.say(&summary(
        twe_core::reference::published(),
        published_defects(),
        lang,
    ))?;
    Ok(EXIT_OK)
}

#[cfg(test)]
mod tests {
    use super::super::{Cli, Command};
    use super::*;
    use clap::Parser;

    #[test]
    fn the_defects_are_told_in_the_language_asked() {
        let cli = Cli::try_parse_from(["twe-planner", "audit", "--lang", "en"]).unwrap();
        let Some(Command::Audit(args)) = cli.command else {
            panic!()
        };
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(
            run(&args, &mut Io::new(&mut out, &mut err)).unwrap(),
            EXIT_OK
        );
        let out = String::from_utf8(out).unwrap();
        assert_eq!(out.lines().count(), published_defects().len() + 1);
        assert_eq!(
            out.lines().last(),
            Some("36 totals recomputed, all equal to the printed ones")
        );
        for said in [
            "2017: the table counts 781 trainings started, the trainings table 22 clients with a training",
            "Limburg 2017: 346 art. 60§7 employments for 308 started trajectories",
            "Vlaams-Brabant 2019: 521 art. 60§7 employments",
            "2019, 2020: the trajectories of these years were still running at the monitoring of May 2021",
        ] {
            assert!(out.contains(said), "{said}\n{out}");
        }
        assert!(err.is_empty());
    }
}
