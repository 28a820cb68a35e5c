//! The small Markdown subset lessons and information sheets are written in, rendered to HTML
//! that cannot carry markup of its own: every character of the source is escaped, and only the
//! structure below becomes tags. Pure.
//!
//! Supported: `#`/`##`/`###` headings, paragraphs (lines joined), `- ` bullets, `1. ` numbered
//! items, and `**strong**`. Anything else (links, images, raw HTML) stays visible text.

/// Renders `source` as HTML. `shift` lowers headings (1 makes `#` an `<h2>`), so a lesson's
/// title can sit under the page's own `<h1>`.
pub fn to_html(source: &str, shift: u8) -> String {
    let mut out = String::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut list: Option<&'static str> = None;
    for line in source.lines() {
        let trimmed = line.trim();
        let bullet = trimmed.strip_prefix("- ").map(|t| ("ul", t)).or_else(|| numbered(trimmed).map(|t| ("ol", t)));
        let heading = heading(trimmed);
        let continues_item = list.is_some() && bullet.is_none() && heading.is_none() && !trimmed.is_empty() && line.starts_with(' ');
        if continues_item {
            // A wrapped list item: its next line is indented.
            out.truncate(out.len() - "</li>\n".len());
            out.push(' ');
            out.push_str(&inline(trimmed));
            out.push_str("</li>\n");
            continue;
        }
        if bullet.is_some() || heading.is_some() || trimmed.is_empty() {
            flush(&mut out, &mut paragraph);
        }
        if bullet.map(|b| b.0) != list
            && list.is_some()
            && (bullet.is_some() || heading.is_some() || trimmed.is_empty() || !line.starts_with(' '))
        {
            close_list(&mut out, &mut list);
        }
        if let Some((level, text)) = heading {
            let level = (level + shift).min(6);
            out.push_str(&format!("<h{level}>{}</h{level}>\n", inline(text)));
        } else if let Some((kind, text)) = bullet {
            if list.is_none() {
                out.push_str(&format!("<{kind}>\n"));
                list = Some(kind);
            }
            out.push_str(&format!("<li>{}</li>\n", inline(text)));
        } else if !trimmed.is_empty() {
            paragraph.push(trimmed);
        }
    }
    flush(&mut out, &mut paragraph);
    close_list(&mut out, &mut list);
    out
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn heading(line: &str) -> Option<(u8, &str)> {
    let hashes = line.bytes().take_while(|b| *b == b'#').count();
    let text = line.get(hashes..)?.strip_prefix(' ')?;
    (1..=3).contains(&hashes).then_some((hashes as u8, text.trim()))
}

fn numbered(line: &str) -> Option<&str> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0).then(|| line[digits..].strip_prefix(". ")).flatten()
}

fn flush(out: &mut String, paragraph: &mut Vec<&str>) {
    if !paragraph.is_empty() {
        out.push_str(&format!("<p>{}</p>\n", inline(&paragraph.join(" "))));
        paragraph.clear();
    }
}

fn close_list(out: &mut String, list: &mut Option<&'static str>) {
    if let Some(kind) = list.take() {
        out.push_str(&format!("</{kind}>\n"));
    }
}

/// Escapes a line and turns `**x**` pairs into `<strong>`.
fn inline(text: &str) -> String {
    let parts: Vec<&str> = text.split("**").collect();
    if parts.len().is_multiple_of(2) {
        // An unpaired marker: shown as written.
        return escape(text);
    }
    parts.iter().enumerate().map(|(i, p)| if i % 2 == 1 { format!("<strong>{}</strong>", escape(p)) } else { escape(p) }).collect()
}

#[cfg(test)]
mod tests {
    use super::to_html;

    fn check(source: &str, expected: &str) {
        assert_eq!(to_html(source, 1), expected, "{source:?}");
    }

    #[test]
    fn structure_becomes_tags_and_everything_else_is_text() {
        check("# Title\n\nOne\ntwo.\n", "<h2>Title</h2>\n<p>One two.</p>\n");
        check(
            "## Signs\n\n- a **b**\n- c\n  d\n\nEnd",
            "<h3>Signs</h3>\n<ul>\n<li>a <strong>b</strong></li>\n<li>c d</li>\n</ul>\n<p>End</p>\n",
        );
        check("1. first\n2. second\n", "<ol>\n<li>first</li>\n<li>second</li>\n</ol>\n");
        check("<script>alert(1)</script> [x](javascript:y)", "<p>&lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:y)</p>\n");
        check("a ** b", "<p>a ** b</p>\n");
        check("#nospace", "<p>#nospace</p>\n");
        check("- a\n1. b", "<ul>\n<li>a</li>\n</ul>\n<ol>\n<li>b</li>\n</ol>\n");
    }

    #[test]
    fn every_shipped_lesson_renders_without_raw_markup() {
        let library = crate::Library::embedded().expect("lessons");
        for lang in crate::Language::ALL {
            for lesson in library.lessons(lang, None) {
                let html = to_html(&lesson.body, 1);
                assert!(html.starts_with("<h2>"), "{}", lesson.id);
                assert!(!html.contains("<script") && !html.contains("**"), "{}: {html}", lesson.id);
            }
        }
    }
}
