//! The dashboard's charts, drawn on the server as SVG (no script, nothing loaded from elsewhere),
//! and the way it writes its numbers. Every chart is an image with a title for screen readers and
//! sits next to a table of the same numbers, which is the accessible (and checkable) form.

use maud::{Markup, html};

/// The width and height of a chart's drawing, in SVG units (it scales to the page's width).
const WIDTH: u32 = 640;
const BAR_HEIGHT: u32 = 22;
const DAY_CHART_HEIGHT: u32 = 200;
/// Room on the left of a horizontal bar chart for its labels.
const LABEL_WIDTH: u32 = 170;

/// The outcome colours; each has at least 4.5:1 contrast against white (WCAG 2.2 AA, also for
/// the text in the legend).
pub(super) const BOT: &str = "#047857";
pub(super) const PERSON: &str = "#1d4ed8";
pub(super) const OPEN: &str = "#6b7280";

/// One stacked part of a bar.
#[derive(Debug)]
pub(super) struct Part {
    pub value: u64,
    pub colour: &'static str,
}

/// One bar: its label and its stacked parts.
#[derive(Debug)]
pub(super) struct Bar {
    pub label: String,
    pub parts: Vec<Part>,
}

impl Bar {
    fn total(&self) -> u64 {
        self.parts.iter().map(|p| p.value).sum()
    }
}

/// A chart's frame: the SVG, labelled by its title, in a box that scrolls on a narrow screen.
fn figure(id: &str, title: &str, height: u32, shapes: Markup) -> Markup {
    let title_id = format!("{id}-title");
    html! {
        // On a phone the chart keeps a readable size and scrolls sideways in its box, which the
        // keyboard can reach to scroll (WCAG 2.1.1).
        div class="chart-box" tabindex="0" {
            svg id=(id) class="chart" viewBox={ "0 0 " (WIDTH) " " (height) } role="img"
                aria-labelledby=(title_id) preserveAspectRatio="xMinYMin meet" {
                title id=(title_id) { (title) }
                (shapes)
            }
        }
    }
}

/// A rectangle of a bar, in SVG units.
#[derive(Debug)]
struct Rect {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
    colour: &'static str,
}

fn rect(r: &Rect) -> Markup {
    html! {
        rect x=(format!("{:.1}", r.x)) y=(format!("{:.1}", r.y)) width=(format!("{:.1}", r.w))
            height=(format!("{:.1}", r.h)) fill=(r.colour) {}
    }
}

/// The stacked rectangles of a bar: from `start` along its length (`vertical` grows upwards),
/// each part `scale` units per count.
fn stack(bar: &Bar, start: f64, across: (f64, f64), scale: f64, vertical: bool) -> Vec<Rect> {
    let mut at = start;
    let mut rects = Vec::new();
    for part in bar.parts.iter().filter(|p| p.value > 0) {
        let length = scale * part.value as f64;
        let (x, y, w, h) = if vertical {
            at -= length;
            (across.0, at, across.1, length)
        } else {
            at += length;
            (at - length, across.0, length, across.1)
        };
        rects.push(Rect {
            x,
            y,
            w,
            h,
            colour: part.colour,
        });
    }
    rects
}

fn count_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Bars side by side, one per day, their parts stacked; every few days labelled below.
pub(super) fn columns(id: &str, title: &str, bars: &[Bar]) -> Markup {
    let top = bars.iter().map(Bar::total).max().unwrap_or(0).max(1);
    let plot = DAY_CHART_HEIGHT - 24;
    let step = f64::from(WIDTH - 40) / f64::from(count_u32(bars.len()).max(1));
    let scale = f64::from(plot - 12) / top as f64;
    let label_every = (bars.len() / 7).max(1);
    let shapes = html! {
        line x1="36" y1=(plot) x2=(WIDTH) y2=(plot) stroke="#374151" {}
        text x="32" y="12" text-anchor="end" class="axis" { (top) }
        text x="32" y=(plot) text-anchor="end" class="axis" { "0" }
        @for (i, bar) in bars.iter().enumerate() {
            @let x = 40.0 + step * i as f64;
            @for r in stack(bar, f64::from(plot), (x, (step * 0.8).max(1.0)), scale, true) {
                (rect(&r))
            }
            @if i % label_every == 0 {
                text x=(format!("{x:.1}")) y=(DAY_CHART_HEIGHT - 6) class="axis" { (bar.label) }
            }
        }
    };
    figure(id, title, DAY_CHART_HEIGHT, shapes)
}

/// One horizontal bar per label, their parts stacked, the total written after each.
pub(super) fn rows(id: &str, title: &str, bars: &[Bar]) -> Markup {
    let top = bars.iter().map(Bar::total).max().unwrap_or(0).max(1);
    let height = count_u32(bars.len()).max(1) * (BAR_HEIGHT + 6) + 6;
    let scale = f64::from(WIDTH - LABEL_WIDTH - 50) / top as f64;
    let shapes = html! {
        @for (i, bar) in bars.iter().enumerate() {
            @let y = 6 + count_u32(i) * (BAR_HEIGHT + 6);
            @let start = f64::from(LABEL_WIDTH);
            text x=(LABEL_WIDTH - 8) y=(y + 16) text-anchor="end" class="label" { (bar.label) }
            @for r in stack(bar, start, (f64::from(y), f64::from(BAR_HEIGHT)), scale, false) {
                (rect(&r))
            }
            @let end = start + scale * bar.total() as f64;
            text x=(format!("{:.1}", end + 6.0)) y=(y + 16) class="label" { (bar.total()) }
        }
    };
    figure(id, title, height, shapes)
}

/// A colour key for stacked charts.
pub(super) fn legend(entries: &[(&str, &'static str)]) -> Markup {
    html! {
        ul class="legend" {
            @for (label, colour) in entries {
                li {
                    svg class="swatch" viewBox="0 0 10 10" aria-hidden="true" {
                        rect width="10" height="10" fill=(colour) {}
                    }
                    (label)
                }
            }
        }
    }
}

/// Shares of a whole in tenths of a percent that add up to exactly 100.0 % (largest remainder),
/// so the outcomes read as the partition they are; all zero for an empty whole.
pub(super) fn tenths(counts: &[u64]) -> Vec<u64> {
    let whole: u64 = counts.iter().sum();
    if whole == 0 {
        return vec![0; counts.len()];
    }
    let mut shares: Vec<u64> = counts.iter().map(|c| c * 1000 / whole).collect();
    let mut order: Vec<usize> = (0..counts.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(counts.get(i).map_or(0, |c| c * 1000 % whole)));
    let missing = 1000 - shares.iter().sum::<u64>();
    for &i in order.iter().take(usize::try_from(missing).unwrap_or(0)) {
        if let Some(s) = shares.get_mut(i) {
            *s += 1;
        }
    }
    shares
}

/// Tenths of a percent as text, e.g. `28.6 %`.
pub(super) fn tenths_text(tenths: u64) -> String {
    format!("{}.{} %", tenths / 10, tenths % 10)
}

/// A share (0 to 1) as a percentage with one decimal.
pub(super) fn percent(share: f64) -> String {
    format!("{:.1} %", share * 100.0)
}

/// A duration as people say it: `45 s`, `12 min`, `3 h 5 min`; a dash when there is none.
pub(super) fn duration(seconds: Option<i64>) -> String {
    match seconds {
        None => "–".to_owned(),
        Some(s) if s < 120 => format!("{s} s"),
        Some(s) if s < 7_200 => format!("{} min", s / 60),
        Some(s) => format!("{} h {} min", s / 3_600, s % 3_600 / 60),
    }
}

/// A mean rating with one decimal, or a dash.
pub(super) fn rating(mean: Option<f64>) -> String {
    mean.map_or_else(|| "–".to_owned(), |m| format!("{m:.1}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_in_tenths_always_add_up_to_one_hundred_percent() {
        assert_eq!(tenths(&[1, 1, 1]), [334, 333, 333]);
        assert_eq!(tenths(&[2, 4, 1]), [286, 571, 143]);
        assert_eq!(tenths(&[0, 0, 0]), [0, 0, 0]);
        assert_eq!(tenths(&[0, 5, 0]), [0, 1000, 0]);
        for counts in [[7u64, 13, 29], [1, 2, 3], [999, 1, 0]] {
            assert_eq!(tenths(&counts).iter().sum::<u64>(), 1000, "{counts:?}");
        }
        assert_eq!(tenths_text(286), "28.6 %");
    }

    #[test]
    fn durations_read_as_people_say_them() {
        assert_eq!(duration(None), "–");
        assert_eq!(duration(Some(45)), "45 s");
        assert_eq!(duration(Some(600)), "10 min");
        assert_eq!(duration(Some(3 * 3_600 + 5 * 60 + 9)), "3 h 5 min");
    }
}
