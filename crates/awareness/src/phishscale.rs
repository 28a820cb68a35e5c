//! NIST Phish Scale: how hard a simulated lure is to spot, from the cues it shows and from how
//! well its premise fits the people who receive it. Pure.
//!
//! The rules are those of the NIST Phish Scale (Steves, Greene and Theofanos, "Categorizing
//! human phishing difficulty: a Phish Scale", Journal of Cybersecurity 2020, doi
//! 10.1093/cybsec/tyaa009; user guide NIST TN 2276, Dawkins and Jacobs 2023, doi
//! 10.6028/NIST.TN.2276):
//!
//! - every instance of a cue counts; the total falls in a band: 1-8 cues "few", 9-14 "some",
//!   15 and more "many" (no cue at all is "few" too: nothing is there to spot);
//! - premise alignment is scored for the *target audience*, each element 0, 2, 4, 6 or 8:
//!   E1 mimics a workplace process, E2 workplace relevance, E3 aligns with other events,
//!   E4 fear of not clicking, E5 was the subject of targeted training (subtracted);
//!   PA = E1 + E2 + E3 + E4 - E5, "weak" at 10 and below, "medium" 11-17, "strong" 18 and above;
//! - the two combine in the scale's table:
//!
//! | cues \ premise | strong    | medium    | weak           |
//! |----------------|-----------|-----------|----------------|
//! | few            | very      | very      | moderate       |
//! | some           | very      | moderate  | moderate-least |
//! | many           | moderate  | moderate  | least          |
//!
//! Postern's three levels map "very difficult" to `hard`, "moderately difficult" to `medium`
//! and "least difficult" to `easy`. The scale's in-between cell (some cues, weak premise,
//! "moderately to least difficult") maps to `easy`: difficulty is shown beside every click
//! rate to excuse it, so an ambiguous lure is rated at the easier end rather than excusing
//! clicks it should not.

use serde::{Deserialize, Serialize};

/// The cue types of the Phish Scale. "Common tactics" (urgency, too good to be true, posing as
/// an authority, ...) are counted under language and content, as the 2020 paper does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CueType {
    /// Spelling and grammar errors, inconsistencies.
    Errors,
    /// Display name against address, hidden or spoofed link targets, attachment types.
    Technical,
    /// Missing or imitated branding, unprofessional design, security icons (e-mail only).
    Visual,
    /// Urgency, threats, requests for data, generic greetings, legal text, common tactics.
    Language,
}

impl CueType {
    pub const ALL: [CueType; 4] = [CueType::Errors, CueType::Technical, CueType::Visual, CueType::Language];

    pub fn key(self) -> &'static str {
        match self {
            CueType::Errors => "errors",
            CueType::Technical => "technical",
            CueType::Visual => "visual",
            CueType::Language => "language",
        }
    }
}

/// How many cues a lure shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CueBand {
    Few,
    Some,
    Many,
}

/// How well a lure's premise fits its audience.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PremiseBand {
    Weak,
    Medium,
    Strong,
}

/// The difficulty shown beside every result of a lure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl Difficulty {
    pub fn key(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
        }
    }
}

/// The five premise alignment elements for one audience, each 0, 2, 4, 6 or 8.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Premise {
    /// E1: mimics a process the audience follows at work (or, for citizens, in daily life).
    pub workplace_process: u8,
    /// E2: relevant to what the audience does.
    pub workplace_relevance: u8,
    /// E3: aligns with other events (a sales season, a strike, a tax deadline).
    pub other_events: u8,
    /// E4: fear of the consequences of not clicking.
    pub fear: u8,
    /// E5: the audience was trained on exactly this lure (subtracted).
    pub trained_on: u8,
}

impl Premise {
    /// The allowed element scores.
    pub const SCORES: [u8; 5] = [0, 2, 4, 6, 8];

    /// PA = E1 + E2 + E3 + E4 - E5 (from -8 to 32).
    pub fn alignment(&self) -> i32 {
        let [e1, e2, e3, e4, e5] = self.elements().map(i32::from);
        e1 + e2 + e3 + e4 - e5
    }

    /// The elements in order E1..E5.
    pub fn elements(&self) -> [u8; 5] {
        [self.workplace_process, self.workplace_relevance, self.other_events, self.fear, self.trained_on]
    }
}

/// The cue band of a total cue count.
pub fn cue_band(total: u32) -> CueBand {
    match total {
        0..=8 => CueBand::Few,
        9..=14 => CueBand::Some,
        _ => CueBand::Many,
    }
}

/// The premise band of an alignment score.
pub fn premise_band(alignment: i32) -> PremiseBand {
    match alignment {
        i32::MIN..=10 => PremiseBand::Weak,
        11..=17 => PremiseBand::Medium,
        _ => PremiseBand::Strong,
    }
}

/// The Phish Scale table (see the module documentation for the mapping to three levels).
pub fn difficulty(cues: u32, premise: &Premise) -> Difficulty {
    match (cue_band(cues), premise_band(premise.alignment())) {
        (CueBand::Few, PremiseBand::Strong | PremiseBand::Medium) | (CueBand::Some, PremiseBand::Strong) => Difficulty::Hard,
        (CueBand::Few, PremiseBand::Weak)
        | (CueBand::Some, PremiseBand::Medium)
        | (CueBand::Many, PremiseBand::Strong | PremiseBand::Medium) => Difficulty::Medium,
        (CueBand::Some | CueBand::Many, PremiseBand::Weak) => Difficulty::Easy,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn premise(e: [u8; 5]) -> Premise {
        Premise { workplace_process: e[0], workplace_relevance: e[1], other_events: e[2], fear: e[3], trained_on: e[4] }
    }

    fn check(cues: u32, e: [u8; 5], expected: Difficulty) {
        assert_eq!(difficulty(cues, &premise(e)), expected, "{cues} cues, premise {e:?}");
    }

    #[test]
    fn bands_follow_the_scale() {
        assert_eq!(
            [0, 1, 8, 9, 14, 15, 40].map(cue_band),
            [CueBand::Few, CueBand::Few, CueBand::Few, CueBand::Some, CueBand::Some, CueBand::Many, CueBand::Many]
        );
        assert_eq!(
            [-8, 10, 11, 17, 18, 32].map(premise_band),
            [PremiseBand::Weak, PremiseBand::Weak, PremiseBand::Medium, PremiseBand::Medium, PremiseBand::Strong, PremiseBand::Strong]
        );
    }

    #[test]
    fn every_cell_of_the_table() {
        let strong = [8, 6, 4, 0, 0]; // 18
        let medium = [4, 4, 2, 2, 0]; // 12
        let weak = [2, 2, 2, 4, 0]; // 10
        check(5, strong, Difficulty::Hard);
        check(5, medium, Difficulty::Hard);
        check(5, weak, Difficulty::Medium);
        check(12, strong, Difficulty::Hard);
        check(12, medium, Difficulty::Medium);
        check(12, weak, Difficulty::Easy);
        check(20, strong, Difficulty::Medium);
        check(20, medium, Difficulty::Medium);
        check(20, weak, Difficulty::Easy);
    }

    #[test]
    fn training_on_the_lure_weakens_its_premise() {
        assert_eq!(premise([8, 6, 4, 0, 0]).alignment(), 18);
        assert_eq!(premise([8, 6, 4, 0, 8]).alignment(), 10);
        check(5, [8, 6, 4, 0, 8], Difficulty::Medium);
    }
}
