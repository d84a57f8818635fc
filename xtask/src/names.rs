//! Naming rules: how spec names become Rust names. One place, used by checks and codegen.

/// `tradeNo` → `trade_no`; `platFormTradeNo` → `plat_form_trade_no` (override with `rust`).
pub fn snake(wire: &str) -> String {
    let mut out = String::new();
    let mut prev_lower = false;
    for c in wire.chars() {
        if c == '-' || c == '_' {
            out.push('_');
            prev_lower = false;
        } else if c.is_ascii_uppercase() {
            if prev_lower {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
            prev_lower = false;
        } else {
            out.push(c);
            prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        }
    }
    out
}

/// `query-pay-in` / `channelCode` / `EWALLET_BKASH` → `QueryPayIn` / `ChannelCode` / `EwalletBkash`.
pub fn pascal(name: &str) -> String {
    let all_caps = !name.chars().any(|c| c.is_ascii_lowercase());
    let mut out = String::new();
    let mut upper_next = true;
    for c in name.chars() {
        if c == '-' || c == '_' || c == ' ' {
            upper_next = true;
        } else if upper_next {
            out.push(c.to_ascii_uppercase());
            upper_next = false;
        } else if all_caps {
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The Rust field name of a spec field.
pub fn field_ident(wire: &str, rust: Option<&str>) -> String {
    rust.map_or_else(|| snake(wire), str::to_string)
}

/// The Rust variant name of an enum value.
pub fn variant_ident(wire: &str, rust: Option<&str>) -> String {
    rust.map_or_else(|| pascal(wire), str::to_string)
}

/// The module name of an endpoint (`query-pay-in` → `query_pay_in`).
pub fn module(endpoint: &str) -> String {
    endpoint.replace('-', "_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(snake("tradeNo"), "trade_no");
        assert_eq!(snake("platFormTradeNo"), "plat_form_trade_no");
        assert_eq!(snake("trxId"), "trx_id");
        assert_eq!(pascal("query-pay-in"), "QueryPayIn");
        assert_eq!(pascal("channelCode"), "ChannelCode");
        assert_eq!(pascal("EWALLET_BKASH"), "EwalletBkash");
        assert_eq!(pascal("DebitCard"), "DebitCard");
        assert_eq!(pascal("va"), "Va");
        assert_eq!(module("query-pay-in"), "query_pay_in");
    }

    #[test]
    fn bare_urls_become_links() {
        use crate::codegen::link_bare_urls;
        assert_eq!(
            link_bare_urls(
                "callback URL (e.g. https://www.abc.com/). Also `http://x.y` and <https://z>."
            ),
            "callback URL (e.g. <https://www.abc.com/>). Also `http://x.y` and <https://z>."
        );
        assert_eq!(link_bare_urls("no links"), "no links");
        assert_eq!(
            crate::codegen::link_prose_urls("see https://a.b\n```\nlet u = \"https://c.d\";\n```"),
            "see <https://a.b>\n```\nlet u = \"https://c.d\";\n```"
        );
    }
}
