//! The geometry of the report's radar chart of area percentages: pure numbers, so that the
//! faces only draw (an SVG in the HTML report) and the layout is tested once here.

use serde::Serialize;

/// One spoke of the radar: its end on the outer ring, where its label goes, and its point.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Spoke {
    pub label: String,
    pub x: f64,
    pub y: f64,
    pub label_x: f64,
    pub label_y: f64,
    /// `start`, `middle` or `end`: SVG `text-anchor`, so labels never cross the chart.
    pub anchor: &'static str,
    /// The area's percentage, when it has one (an area with no applicable question has none
    /// and is drawn at the centre).
    pub percent: Option<f64>,
}

/// A radar chart in a square of side `2 * centre`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Radar {
    pub size: f64,
    pub centre: f64,
    pub spokes: Vec<Spoke>,
    /// The rings at 25, 50, 75 and 100%, as SVG polygon `points`.
    pub rings: Vec<String>,
    /// The areas' percentages, as SVG polygon `points`.
    pub shape: String,
}

/// Lays out `areas` (label, percentage 0-100) clockwise from the top.
pub fn radar(areas: &[(String, Option<f64>)], centre: f64, radius: f64) -> Radar {
    let n = areas.len().max(1) as f64;
    let at = |i: usize, fraction: f64| -> (f64, f64) {
        let angle = -std::f64::consts::FRAC_PI_2 + i as f64 * std::f64::consts::TAU / n;
        (centre + radius * fraction * angle.cos(), centre + radius * fraction * angle.sin())
    };
    let points = |f: &dyn Fn(usize) -> f64| -> String {
        (0..areas.len()).map(|i| at(i, f(i))).map(|(x, y)| format!("{x:.1},{y:.1}")).collect::<Vec<_>>().join(" ")
    };
    let rings = [0.25, 0.5, 0.75, 1.0].iter().map(|r| points(&|_| *r)).collect();
    let shape = points(&|i| areas[i].1.map_or(0.0, |p| p.clamp(0.0, 100.0) / 100.0));
    let spokes = areas
        .iter()
        .enumerate()
        .map(|(i, (label, percent))| {
            let (x, y) = at(i, 1.0);
            let (label_x, label_y) = at(i, 1.12);
            let anchor = if (label_x - centre).abs() < radius * 0.1 {
                "middle"
            } else if label_x > centre {
                "start"
            } else {
                "end"
            };
            let round = |v: f64| (v * 10.0).round() / 10.0;
            Spoke {
                label: label.clone(),
                x: round(x),
                y: round(y),
                label_x: round(label_x),
                label_y: round(label_y),
                anchor,
                percent: *percent,
            }
        })
        .collect();
    Radar { size: 2.0 * centre, centre, spokes, rings, shape }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_areas_sit_on_the_axes_clockwise_from_the_top() {
        let areas: Vec<(String, Option<f64>)> =
            [("N", Some(100.0)), ("E", Some(50.0)), ("S", None), ("W", Some(250.0))].iter().map(|(l, p)| ((*l).to_owned(), *p)).collect();
        let r = radar(&areas, 100.0, 80.0);
        let ends: Vec<(f64, f64, &str)> = r.spokes.iter().map(|s| (s.x, s.y, s.anchor)).collect();
        assert_eq!(ends, [(100.0, 20.0, "middle"), (180.0, 100.0, "start"), (100.0, 180.0, "middle"), (20.0, 100.0, "end")]);
        // 100% on the top spoke, 50% to the right, no figure at the centre, above 100% clamped.
        assert_eq!(r.shape, "100.0,20.0 140.0,100.0 100.0,100.0 20.0,100.0");
        assert_eq!(r.rings.len(), 4);
        assert_eq!(r.rings[1], "100.0,60.0 140.0,100.0 100.0,140.0 60.0,100.0");
    }
}
