//! Compiles and tests the `postern` command files owned by the links work (brands, check,
//! feeds) until they are wired into the binary: `cargo run -p links --example cli -- check URL`.

#[path = "../../postern/src/cmd/brands.rs"]
mod brands_cmd;
#[path = "../../postern/src/cmd/check.rs"]
mod check;
#[path = "../../postern/src/cmd/feeds.rs"]
mod feeds;

use clap::Parser;

#[derive(Debug, clap::Parser)]
enum Cli {
    Brands(brands_cmd::BrandsArgs),
    Check(check::CheckArgs),
    Feeds(feeds::FeedsArgs),
}

fn main() -> anyhow::Result<()> {
    match Cli::parse() {
        Cli::Brands(a) => brands_cmd::run(a),
        Cli::Check(a) => check::run(a),
        Cli::Feeds(a) => feeds::run(a),
    }
}
