//! How long `vitae::diff` takes on two 1 MB resumes (run: `cargo bench --bench diff`).
//!
//! The resume is built by repeating entries with varied content (distinct employers,
//! positions, dates and highlights), about 1 MB as pretty JSON. The edited copy has what
//! a real revision has, many times over: jobs added at the top and removed, positions
//! renamed (matched by similarity), highlights edited, end dates added, skills
//! reordered. The worst case renames every employer, so every job goes through the
//! similarity fallback.

use serde_json::{Value, json};
use vitae::diff::{Options, diff};

fn main() {
    divan::main();
}

const POSITIONS: &[&str] = &[
    "Software Engineer",
    "Data Engineer",
    "Engineering Manager",
    "Site Reliability Engineer",
    "Product Designer",
    "Technical Writer",
];

const VERBS: &[&str] = &[
    "Built",
    "Led",
    "Shipped",
    "Designed",
    "Migrated",
    "Cut",
    "Mentored",
    "Automated",
];

const THINGS: &[&str] = &[
    "the billing pipeline",
    "a search service",
    "the on-call rota",
    "our data warehouse",
    "the mobile release train",
    "a fraud model",
];

/// A small deterministic generator, so every run diffs the same documents.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

fn sentence(rng: &mut Lcg, i: usize) -> String {
    format!(
        "{} {} for team {}, saving {} hours a week",
        VERBS[rng.next(VERBS.len())],
        THINGS[rng.next(THINGS.len())],
        i,
        rng.next(90) + 10
    )
}

fn job(rng: &mut Lcg, i: usize) -> Value {
    let year = 1990 + (i % 35);
    let highlights: Vec<String> = (0..5).map(|_| sentence(rng, i)).collect();
    json!({
        "name": format!("Company {i} {}", ["AS", "GmbH", "Ltd", "Inc"][i % 4]),
        "position": POSITIONS[rng.next(POSITIONS.len())],
        "location": "Oslo, Norway",
        "url": format!("https://company{i}.example.com"),
        "startDate": format!("{year}-{:02}", 1 + i % 12),
        "endDate": format!("{}-{:02}", year + 2, 1 + (i + 5) % 12),
        "summary": format!("{} Worked across {} teams.", sentence(rng, i), rng.next(9) + 1),
        "highlights": highlights,
    })
}

/// A resume of about `bytes` bytes of pretty JSON.
fn resume(bytes: usize) -> Value {
    let mut rng = Lcg(42);
    let skills: Vec<Value> = (0..200)
        .map(|i| {
            json!({"name": format!("Skill {i}"), "level": "Advanced",
            "keywords": (0..6).map(|k| format!("kw{}", (i * 7 + k) % 97)).collect::<Vec<_>>()})
        })
        .collect();
    let mut doc = json!({
        "basics": {"name": "Ada Example", "email": "ada@example.com",
            "profiles": [{"network": "GitHub", "username": "ada"}]},
        "work": [],
        "skills": skills,
    });
    let mut i = 0;
    while doc.to_string().len() < bytes {
        let batch: Vec<Value> = (i..i + 200).map(|k| job(&mut rng, k)).collect();
        doc["work"].as_array_mut().unwrap().extend(batch);
        i += 200;
    }
    doc
}

/// `old` as a real revision would change it, many times over.
fn edited(old: &Value) -> Value {
    let mut new = old.clone();
    let mut rng = Lcg(7);
    let work = new["work"].as_array_mut().unwrap();
    let n = work.len();
    for k in 0..20 {
        work.insert(0, job(&mut rng, 100_000 + k)); // jobs added at the top
    }
    for k in (0..n).step_by(50) {
        work.remove(20 + k / 50 * 49); // jobs removed
    }
    for (k, job) in work.iter_mut().enumerate().skip(20) {
        match k % 10 {
            0 => {
                job["highlights"][2] = json!(format!(
                    "{} (edited)",
                    job["highlights"][2].as_str().unwrap()
                ))
            }
            3 => job["endDate"] = json!("2025-01"),
            7 => {
                let p = job["position"].as_str().unwrap().to_owned();
                job["position"] = json!(format!("Senior {p}")); // renamed: similarity
            }
            _ => {}
        }
    }
    let skills = new["skills"].as_array_mut().unwrap();
    skills.reverse();
    new
}

/// Every employer renamed: no job matches by key, all go to the similarity fallback.
fn all_renamed(old: &Value) -> Value {
    let mut new = old.clone();
    for job in new["work"].as_array_mut().unwrap() {
        let name = job["name"].as_str().unwrap().to_owned();
        job["name"] = json!(format!("{name} Group"));
    }
    new
}

const SIZE: usize = 1 << 20;

#[divan::bench(sample_count = 20)]
fn edited_1mb(bencher: divan::Bencher) {
    let old = resume(SIZE);
    let new = edited(&old);
    bencher.bench(|| {
        diff(
            divan::black_box(&old),
            divan::black_box(&new),
            &Options::default(),
        )
    });
}

#[divan::bench(sample_count = 20)]
fn identical_1mb(bencher: divan::Bencher) {
    let old = resume(SIZE);
    let new = old.clone();
    bencher.bench(|| {
        diff(
            divan::black_box(&old),
            divan::black_box(&new),
            &Options::default(),
        )
    });
}

#[divan::bench(sample_count = 20)]
fn all_renamed_1mb(bencher: divan::Bencher) {
    let old = resume(SIZE);
    let new = all_renamed(&old);
    bencher.bench(|| {
        diff(
            divan::black_box(&old),
            divan::black_box(&new),
            &Options::default(),
        )
    });
}

/// Parsing both sides (with positions), for comparison: what `vitae diff` adds before
/// diffing.
#[divan::bench(sample_count = 20)]
fn parse_two_1mb(bencher: divan::Bencher) {
    let old = serde_json::to_string_pretty(&resume(SIZE)).unwrap();
    let new = serde_json::to_string_pretty(&edited(&resume(SIZE))).unwrap();
    bencher.bench(|| {
        let a = vitae::load::parse(divan::black_box(&old), vitae::load::Format::Json).unwrap();
        let b = vitae::load::parse(divan::black_box(&new), vitae::load::Format::Json).unwrap();
        (a, b)
    });
}
