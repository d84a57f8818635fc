//! `#[derive(Signable)]` for `paypro_core::Signable`.
//!
//! Reads serde's wire names, sorts them at compile time (byte order, which is Java's
//! `String.compareTo` order for ASCII names), and emits straight-line code that feeds each field
//! through `paypro_core::SignValue` into a `paypro_core::CanonicalSink`: no map, no runtime sort,
//! no allocation. See `paypro_core::Signable` for the rule and an example.
//!
//! Attributes:
//! - `#[signable(timestamp)]` on the struct: the request also signs a `timestamp` field supplied
//!   at send time.
//! - `#[signable(skip)]` on a field (or serde's `skip`/`skip_serializing`): not signed (header
//!   fields). A field whose wire name is `sign` is never signed.
//! - serde's `rename = "..."` on fields and `rename_all = "camelCase"` on the struct decide the
//!   wire names; `flatten` is refused (flattened fields would be signed under the wrong names).

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

#[derive(Default)]
struct SerdeField {
    rename: Option<LitStr>,
    skip: bool,
    flatten: bool,
}

enum Source<'a> {
    Field(&'a syn::Field),
    Timestamp,
}

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
    let mut rename_all_camel = false;
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
                if meta.path.is_ident("rename_all") {
                    let rule: LitStr = meta.value()?.parse()?;
                    if rule.value() == "camelCase" {
                        rename_all_camel = true;
                        Ok(())
                    } else {
                        Err(syn::Error::new(
                            rule.span(),
                            "Signable supports only rename_all = \"camelCase\"; rename fields one by one",
                        ))
                    }
                } else {
                    skip_meta(&meta)
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
        let mut serde = SerdeField::default();
        let mut skip_sign = false;
        for attr in &field.attrs {
            if attr.path().is_ident("signable") {
                attr.parse_nested_meta(|meta| {
                    if meta.path.is_ident("skip") {
                        skip_sign = true;
                        Ok(())
                    } else {
                        Err(meta.error("unknown signable field attribute; expected `skip`"))
                    }
                })?;
            } else if attr.path().is_ident("serde") {
                attr.parse_nested_meta(|meta| {
                    if meta.path.is_ident("rename") {
                        if meta.input.peek(syn::token::Paren) {
                            meta.parse_nested_meta(|inner| {
                                if inner.path.is_ident("serialize") {
                                    serde.rename = Some(inner.value()?.parse()?);
                                    Ok(())
                                } else {
                                    skip_meta(&inner)
                                }
                            })
                        } else {
                            serde.rename = Some(meta.value()?.parse()?);
                            Ok(())
                        }
                    } else if meta.path.is_ident("skip") || meta.path.is_ident("skip_serializing") {
                        serde.skip = true;
                        Ok(())
                    } else if meta.path.is_ident("flatten") {
                        serde.flatten = true;
                        Ok(())
                    } else {
                        skip_meta(&meta)
                    }
                })?;
            }
        }
        if serde.skip || skip_sign {
            continue;
        }
        let ident = field.ident.as_ref().expect("named field");
        if serde.flatten {
            return Err(syn::Error::new(
                ident.span(),
                "Signable cannot sign a #[serde(flatten)] field: its inner fields would be signed under the wrong names",
            ));
        }
        let (wire, span) = match &serde.rename {
            Some(lit) => (lit.value(), lit.span()),
            None => {
                let name = ident.to_string();
                let name = name.strip_prefix("r#").unwrap_or(&name).to_string();
                let name = if rename_all_camel {
                    camel_case(&name)
                } else {
                    name
                };
                (name, ident.span())
            }
        };
        if wire == SIGN_FIELD {
            continue;
        }
        signed.push((wire, span, Source::Field(field)));
    }

    signed.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    for pair in signed.windows(2) {
        if pair[0].0 == pair[1].0 {
            let what = if matches!(pair[0].2, Source::Timestamp)
                || matches!(pair[1].2, Source::Timestamp)
            {
                "duplicate wire name `timestamp`: #[signable(timestamp)] already signs it"
                    .to_string()
            } else {
                format!("duplicate wire name `{}`", pair[1].0)
            };
            return Err(syn::Error::new(pair[1].1, what));
        }
    }

    let names = signed.iter().map(|(w, _, _)| w);
    let feeds = signed.iter().map(|(wire, _, source)| match source {
        Source::Timestamp => quote! {
            ::paypro_core::SignValue::feed(&timestamp, #wire, sink);
        },
        Source::Field(field) => {
            let ident = field.ident.as_ref().expect("named field");
            quote_spanned! {field.ty.span()=>
                ::paypro_core::SignValue::feed(&self.#ident, #wire, sink);
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
            fn feed_canonical<__S: ::paypro_core::CanonicalSink + ?Sized>(
                &self,
                timestamp: ::core::option::Option<u64>,
                sink: &mut __S,
            ) {
                #unused
                #(#feeds)*
            }
        }
    })
}

/// Consumes a serde option this macro does not need (`default`, `skip_serializing_if = "..."`,
/// `with = "..."`, nested lists).
fn skip_meta(meta: &syn::meta::ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(syn::Token![=]) {
        meta.value()?.parse::<syn::Lit>()?;
    } else if meta.input.peek(syn::token::Paren) {
        meta.parse_nested_meta(|inner| skip_meta(&inner))?;
    }
    Ok(())
}

/// serde's camelCase rule for snake_case field names.
fn camel_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}
