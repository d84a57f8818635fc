//! `#[derive(Signable)]` for `paypro_core::Signable`.
//!
//! The one reader of a request's wire names and forms. It sorts the wire names at compile time
//! (byte order, which is Java's `String.compareTo` order for ASCII names; `timestamp` included)
//! and emits one `paypro_core::WireVisitor::field(visitor, "name", &value)` call per field, in
//! that order: no map, no runtime sort, no allocation. That one sequence writes the body and
//! feeds the signer (see `paypro_core::Signable` for the rule and an example).
//!
//! Attributes, all the derive's own:
//! - `#[signable(timestamp)]` on the struct: the request also sends and signs a `timestamp`
//!   supplied at send time.
//! - `#[signable(rename = "tradeNo")]` on a field: its wire name (the field's name otherwise).
//! - `#[signable(number)]` / `#[signable(string)]` on a field: a whole number sent as a JSON
//!   number or as a JSON string of digits.
//! - `#[signable(skip)]` on a field: neither sent nor signed.
//!
//! serde's attributes that name or shape output (`rename`, `rename_all`, `flatten`,
//! `serialize_with`, `with`, `skip_serializing`...) are refused on a `Signable` type: with them
//! serde and this derive could name one field two ways. A field named `sign` is refused too:
//! the signer writes it.

use proc_macro::TokenStream;
use proc_macro2::Span;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, LitStr, parse_macro_input};

const SIGN_FIELD: &str = "sign";
const TIMESTAMP_FIELD: &str = "timestamp";

/// Derives `paypro_core::Signable`.
#[proc_macro_derive(Signable, attributes(signable))]
pub fn derive_signable(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// How a field's value is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    /// As its type writes itself (`paypro_core::WireValue`).
    Own,
    /// A whole number as a JSON number.
    Number,
    /// A whole number as a JSON string of digits.
    String,
}

enum Source<'a> {
    Field(&'a syn::Field, Form),
    Timestamp,
}

/// serde's struct attributes that leave serialized names and forms alone (they concern input,
/// or nothing a `Signable` writes).
const SERDE_STRUCT_ALLOWED: &[&str] = &[
    "try_from",
    "from",
    "deny_unknown_fields",
    "default",
    "bound",
    "crate",
    "expecting",
    "rename",
];

/// serde's field attributes that concern input only.
const SERDE_FIELD_ALLOWED: &[&str] = &[
    "default",
    "alias",
    "deserialize_with",
    "skip_deserializing",
    "borrow",
    "bound",
];

fn expand(input: &DeriveInput) -> syn::Result<proc_macro2::TokenStream> {
    let fields = match &input.data {
        Data::Struct(s) => match &s.fields {
            Fields::Named(named) => &named.named,
            _ => {
                return Err(syn::Error::new(
                    input.ident.span(),
                    "Signable can only be derived for structs with named fields",
                ));
            }
        },
        _ => {
            return Err(syn::Error::new(
                input.ident.span(),
                "Signable can only be derived for structs with named fields",
            ));
        }
    };

    let mut timestamp = false;
    for attr in &input.attrs {
        if attr.path().is_ident("signable") {
            attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("timestamp") {
                    timestamp = true;
                    Ok(())
                } else {
                    Err(meta.error("unknown signable attribute; expected `timestamp`"))
                }
            })?;
        } else if attr.path().is_ident("serde") {
            attr.parse_nested_meta(|meta| {
                if SERDE_STRUCT_ALLOWED.iter().any(|a| meta.path.is_ident(a)) {
                    skip_meta(&meta)
                } else {
                    Err(syn::Error::new(
                        meta.path.span(),
                        format!(
                            "#[serde({})] cannot be used on a Signable type: #[derive(Signable)] alone decides its wire names and forms (name fields with #[signable(rename = \"...\")])",
                            path_name(&meta.path)
                        ),
                    ))
                }
            })?;
        }
    }

    let mut signed: Vec<(String, Span, Source)> = Vec::new();
    if timestamp {
        signed.push((
            TIMESTAMP_FIELD.to_string(),
            input.ident.span(),
            Source::Timestamp,
        ));
    }
    for field in fields {
        let ident = field.ident.as_ref().expect("named field");
        let mut rename: Option<LitStr> = None;
        let mut form = Form::Own;
        let mut form_span: Option<Span> = None;
        let mut skip = false;
        for attr in &field.attrs {
            if attr.path().is_ident("signable") {
                attr.parse_nested_meta(|meta| {
                    let set_form = |f: Form, form: &mut Form, span: &mut Option<Span>| {
                        if span.is_some() {
                            return Err(meta.error(
                                "a field is sent either as a number or as a string, not both",
                            ));
                        }
                        *form = f;
                        *span = Some(meta.path.span());
                        Ok(())
                    };
                    if meta.path.is_ident("skip") {
                        skip = true;
                        Ok(())
                    } else if meta.path.is_ident("rename") {
                        if rename.is_some() {
                            return Err(meta.error("the field is already renamed"));
                        }
                        rename = Some(meta.value()?.parse()?);
                        Ok(())
                    } else if meta.path.is_ident("number") {
                        set_form(Form::Number, &mut form, &mut form_span)
                    } else if meta.path.is_ident("string") {
                        set_form(Form::String, &mut form, &mut form_span)
                    } else {
                        Err(meta.error(
                            "unknown signable field attribute; expected `rename = \"...\"`, `number`, `string` or `skip`",
                        ))
                    }
                })?;
            } else if attr.path().is_ident("serde") {
                attr.parse_nested_meta(|meta| {
                    if SERDE_FIELD_ALLOWED.iter().any(|a| meta.path.is_ident(a)) {
                        return skip_meta(&meta);
                    }
                    let name = path_name(&meta.path);
                    let instead = match name.as_str() {
                        "rename" => "name it with #[signable(rename = \"...\")]",
                        "serialize_with" | "with" => {
                            "send a whole number as a JSON string or number with #[signable(string)] or #[signable(number)]"
                        }
                        "skip" | "skip_serializing" | "skip_serializing_if" => {
                            "leave it out with #[signable(skip)] (`None` is never sent)"
                        }
                        "flatten" => "its inner fields would be sent and signed under names this derive cannot see",
                        _ => "this derive alone decides wire names and forms",
                    };
                    Err(syn::Error::new(
                        meta.path.span(),
                        format!(
                            "#[serde({name})] cannot be used on a field of a Signable type: {instead}"
                        ),
                    ))
                })?;
            }
        }
        if skip {
            continue;
        }
        let (wire, span) = match &rename {
            Some(lit) => (lit.value(), lit.span()),
            None => {
                let name = ident.to_string();
                let name = name.strip_prefix("r#").unwrap_or(&name).to_string();
                (name, ident.span())
            }
        };
        if wire.is_empty()
            || wire
                .chars()
                .any(|c| c == '"' || c == '\\' || c.is_control())
        {
            return Err(syn::Error::new(
                span,
                "a wire name must be non-empty, without quotes, backslashes or control characters",
            ));
        }
        if wire == SIGN_FIELD {
            return Err(syn::Error::new(
                span,
                "`sign` cannot be a field: the signer writes it (exclude a local copy with #[signable(skip)])",
            ));
        }
        signed.push((wire, span, Source::Field(field, form)));
    }

    signed.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    for pair in signed.windows(2) {
        if pair[0].0 == pair[1].0 {
            let what = if matches!(pair[0].2, Source::Timestamp)
                || matches!(pair[1].2, Source::Timestamp)
            {
                "duplicate wire name `timestamp`: #[signable(timestamp)] already sends it"
                    .to_string()
            } else {
                format!("duplicate wire name `{}`", pair[1].0)
            };
            let span = match pair[1].2 {
                Source::Timestamp => pair[0].1,
                Source::Field(..) => pair[1].1,
            };
            return Err(syn::Error::new(span, what));
        }
    }

    let names = signed.iter().map(|(w, _, _)| w);
    let visits = signed.iter().map(|(wire, _, source)| match source {
        Source::Timestamp => quote! {
            ::paypro_core::WireVisitor::field(visitor, #wire, &timestamp);
        },
        Source::Field(field, form) => {
            let ident = field.ident.as_ref().expect("named field");
            let value = match form {
                Form::Own => quote_spanned!(field.ty.span()=> &self.#ident),
                Form::Number => {
                    quote_spanned!(field.ty.span()=> &::paypro_core::AsNumber(&self.#ident))
                }
                Form::String => {
                    quote_spanned!(field.ty.span()=> &::paypro_core::AsString(&self.#ident))
                }
            };
            quote_spanned! {field.ty.span()=>
                ::paypro_core::WireVisitor::field(visitor, #wire, #value);
            }
        }
    });
    let unused = if timestamp {
        quote! {}
    } else {
        quote! { let _ = timestamp; }
    };
    let name = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    Ok(quote! {
        #[automatically_derived]
        impl #impl_generics ::paypro_core::Signable for #name #ty_generics #where_clause {
            const SIGNED_FIELDS: &'static [&'static str] = &[#(#names),*];
            const TIMESTAMPED: bool = #timestamp;
            fn visit_wire<__V: ::paypro_core::WireVisitor + ?Sized>(
                &self,
                timestamp: ::core::option::Option<::paypro_core::WireTimestamp>,
                visitor: &mut __V,
            ) {
                #unused
                #(#visits)*
            }
        }
    })
}

/// An attribute's name as written (`rename`, `serialize_with`).
fn path_name(path: &syn::Path) -> String {
    path.segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect::<Vec<_>>()
        .join("::")
}

/// Consumes a serde option this macro allows and does not need (`default`, `try_from = "..."`,
/// nested lists).
fn skip_meta(meta: &syn::meta::ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(syn::Token![=]) {
        meta.value()?.parse::<syn::Lit>()?;
    } else if meta.input.peek(syn::token::Paren) {
        meta.parse_nested_meta(|inner| skip_meta(&inner))?;
    }
    Ok(())
}
