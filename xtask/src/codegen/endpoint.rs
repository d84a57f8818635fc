//! One endpoint's module: descriptor, request, builder, enums, response.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Country, EndpointPlan, doc_lines, ident, num, rust_file};
use crate::names;
use crate::rules::Rule;
use crate::spec::{
    DataShape, Effect, Endpoint, FieldKind, Provenance, RequestField, ResponseField,
    ResponseProvenance, SignPlacement, TimestampWire, Unaccepted, ValueKind, WireType,
};

/// `PayIn` for `pay-in`.
pub fn type_prefix(e: &Endpoint) -> String {
    names::pascal(&e.name)
}

/// The enum type of an enum field (`ChannelCode`).
pub fn enum_name(f: &RequestField) -> String {
    names::pascal(&f.wire)
}

fn field_ident(f: &RequestField) -> proc_macro2::Ident {
    ident(&names::field_ident(&f.wire, f.rust.as_deref()))
}

fn limits_ident(f: &RequestField) -> proc_macro2::Ident {
    ident(&format!("{}_limits", field_ident(f)))
}

fn const_ident(f: &RequestField) -> proc_macro2::Ident {
    ident(&format!(
        "FIELD_{}",
        names::field_ident(&f.wire, f.rust.as_deref()).to_uppercase()
    ))
}

fn bullet_notes(title: &str, notes: &[String]) -> String {
    if notes.is_empty() {
        return String::new();
    }
    let items: Vec<String> = notes.iter().map(|n| format!("- {n}")).collect();
    format!("\n\n{title}\n\n{}", items.join("\n"))
}

/// One line describing how the endpoint is called.
pub fn call_line(e: &Endpoint) -> String {
    format!(
        "`POST {}` · sign in the {} · {} · {} · {}",
        e.path,
        match e.sign {
            SignPlacement::Body => "body",
            SignPlacement::Header => "`sign` header",
        },
        match e.timestamp {
            TimestampWire::String => "`timestamp` as a string",
            TimestampWire::Number => "`timestamp` as a number",
            TimestampWire::Absent => "no `timestamp`",
        },
        match e.effect {
            Effect::MovesMoney => "moves money (never retried automatically)",
            Effect::ReadOnly => "read-only (safe to retry)",
        },
        match e.provenance {
            Provenance::Documented => "documented".to_string(),
            Provenance::Inferred =>
                "**inferred: the docs have no page for this endpoint in this country**".to_string(),
        },
    )
}

pub fn generate(country: &Country, plan: &EndpointPlan) -> String {
    let e = plan.spec;
    let prefix = type_prefix(e);
    let request_ty = ident(&format!("{prefix}Request"));
    let builder_ty = ident(&format!("{prefix}Builder"));
    let response_ty = ident(&format!("{prefix}Response"));
    let fields: Vec<&RequestField> = e.request.iter().map(|f| f.get_ref()).collect();

    let mut module_doc = format!("`{}`: {}\n\n{}", e.name, e.summary, call_line(e));
    if let Some(doc) = &e.doc {
        module_doc.push_str(&format!("\n\n{}", doc.trim()));
    }
    module_doc.push_str(&super::source_line(&e.source, &country.spec_path()));
    module_doc.push_str(&bullet_notes("Notes from the docs:", &e.notes));
    let module_doc: TokenStream = module_doc
        .lines()
        .map(|l| {
            let l = if l.is_empty() {
                String::new()
            } else {
                format!(" {l}")
            };
            quote!(#![doc = #l])
        })
        .collect();

    let descriptor = descriptor(country, plan);
    let field_consts = fields.iter().map(|f| field_const(f));
    let enums = fields
        .iter()
        .filter(|f| f.kind == FieldKind::Enum)
        .map(|f| enum_type(f));
    let request = request_type(
        country,
        plan,
        &request_ty,
        &builder_ty,
        &response_ty,
        &fields,
    );
    let builder = builder_type(&request_ty, &builder_ty, &fields);
    let response = response_type(
        plan,
        &response_ty,
        &country.common.protocol.status_message_fields,
    );

    let mut imports = vec![
        "paypro_core::descriptor::DataShape",
        "paypro_core::descriptor::Effect",
        "paypro_core::descriptor::EndpointDescriptor",
        "paypro_core::descriptor::Provenance",
        "paypro_core::descriptor::Role",
        "paypro_core::descriptor::SignPlacement",
        "paypro_core::descriptor::TimestampWire",
        "paypro_core::Checker",
        "paypro_core::Endpoint",
        "paypro_core::ValidationError",
        "serde::Deserialize",
    ];
    // The request derives no `Serialize` (its body is the derive's); enums and responses do.
    if e.data == DataShape::Object || fields.iter().any(|f| f.kind == FieldKind::Enum) {
        imports.push("serde::Serialize");
    }
    if !fields.is_empty() {
        imports.push("paypro_core::descriptor::FieldSpec");
    }
    if fields.iter().any(|f| f.kind == FieldKind::Amount) {
        imports.extend([
            "paypro_core::descriptor::WireType",
            "paypro_core::Amount",
            "paypro_core::AmountInput",
            "paypro_core::IntoAmount",
        ]);
    }
    if fields.iter().any(|f| {
        f.min.is_some()
            || f.max.is_some()
            || f.digits.is_some()
            || !f.prefixes.is_empty()
            || f.max_len.is_some()
            || f.format.is_some()
    }) {
        imports.push("paypro_core::descriptor::Rules");
    }
    if fields.iter().any(|f| f.format.is_some()) {
        imports.push("paypro_core::descriptor::TextFormat");
    }
    if e.data == DataShape::Object {
        imports.extend(DATA_STRUCT_IMPORTS);
    }
    if fields.iter().any(|f| f.kind == FieldKind::Enum) {
        imports.extend(["paypro_core::JsonOut", "paypro_core::WireValue"]);
    }
    let imports = super::merged_uses(&imports);
    rust_file(
        &country.spec_path(),
        quote! {
            #module_doc

            #imports

            #descriptor
            #(#field_consts)*
            #request
            #builder
            #(#enums)*
            #response
        },
    )
}

fn descriptor(country: &Country, plan: &EndpointPlan) -> TokenStream {
    let e = plan.spec;
    let code = country.code();
    let (name, summary, path) = (&e.name, &e.summary, &e.path);
    let sign = match e.sign {
        SignPlacement::Body => quote!(SignPlacement::Body),
        SignPlacement::Header => quote!(SignPlacement::Header),
    };
    let timestamp = match e.timestamp {
        TimestampWire::String => quote!(TimestampWire::String),
        TimestampWire::Number => quote!(TimestampWire::Number),
        TimestampWire::Absent => quote!(TimestampWire::Absent),
    };
    let effect = match e.effect {
        Effect::MovesMoney => quote!(Effect::MovesMoney),
        Effect::ReadOnly => quote!(Effect::ReadOnly),
    };
    let unaccepted = match e.unaccepted {
        Unaccepted::ByCode => quote!(paypro_core::descriptor::Unaccepted::ByCode),
        Unaccepted::Processing => quote!(paypro_core::descriptor::Unaccepted::Processing),
    };
    let provenance = provenance(e.provenance);
    let role = ident(&format!("{:?}", e.role));
    let consts = e.request.iter().map(|f| const_ident(f.get_ref()));
    let response = match e.data {
        DataShape::Object => quote!(DataShape::Object(RESPONSE_FIELDS)),
        DataShape::Boolean => quote!(DataShape::Boolean),
    };
    quote! {
        /// What the spec says about this endpoint.
        pub const DESCRIPTOR: EndpointDescriptor = EndpointDescriptor {
            country: #code,
            name: #name,
            role: Role::#role,
            summary: #summary,
            path: #path,
            sign: #sign,
            timestamp: #timestamp,
            effect: #effect,
            unaccepted: #unaccepted,
            provenance: #provenance,
            request: &[#(#consts),*],
            response: #response,
        };
    }
}

pub fn provenance(p: Provenance) -> TokenStream {
    match p {
        Provenance::Documented => quote!(Provenance::Documented),
        Provenance::Inferred => quote!(Provenance::Inferred),
    }
}

fn field_const(f: &RequestField) -> TokenStream {
    let name = const_ident(f);
    let wire = &f.wire;
    // The runtime's description (CLI help) is plain text: the doc as Markdown renders it.
    let doc = crate::docs::markdown::rendered(&f.doc);
    let base = match f.kind {
        FieldKind::Text => quote!(FieldSpec::text(#wire, #doc)),
        FieldKind::Amount => {
            let wire_type = match f.wire_type {
                WireType::String => quote!(WireType::String),
                WireType::Number => quote!(WireType::Number),
            };
            quote!(FieldSpec::amount(#wire, #wire_type, #doc))
        }
        FieldKind::Enum => {
            let values = f.values.iter().map(|v| &v.wire);
            quote!(FieldSpec::one_of(#wire, &[#(#values),*], #doc))
        }
    };
    let optional = if f.required {
        quote!()
    } else {
        quote!(.optional())
    };
    let rules: Vec<TokenStream> = crate::rules::of(f)
        .into_iter()
        .map(|rule| match rule {
            Rule::Min(m) => {
                let m = num(m);
                quote!(.min(#m))
            }
            Rule::Max(m) => {
                let m = num(m);
                quote!(.max(#m))
            }
            Rule::Digits(a, b) => {
                let (a, b) = (num(a), num(b));
                quote!(.digits(#a, #b))
            }
            Rule::Prefixes(p) => quote!(.prefixes(&[#(#p),*])),
            Rule::MaxLen(m) => {
                let m = num(m);
                quote!(.max_len(#m))
            }
            Rule::Format(format, None) => {
                let format = text_format(format);
                quote!(.format(#format))
            }
            Rule::Format(format, Some(w)) => {
                let format = text_format(format);
                let (field, is) = (&w.field, &w.is);
                quote!(.format_when(#format, #field, #is))
            }
        })
        .collect();
    let with = if rules.is_empty() {
        quote!()
    } else {
        quote!(.with(Rules::NONE #(#rules)*))
    };
    let item_doc = format!(" The `{wire}` field.");
    quote! {
        #[doc = #item_doc]
        const #name: FieldSpec = #base #optional #with;
    }
}

/// The runtime's name for a spec format.
fn text_format(format: crate::spec::TextFormat) -> TokenStream {
    match format {
        crate::spec::TextFormat::HttpUrl => quote!(TextFormat::HttpUrl),
        crate::spec::TextFormat::Clabe => quote!(TextFormat::Clabe),
    }
}

/// A field's doc: the docs' text, its rules and what they rest on, and notes.
fn field_doc(f: &RequestField) -> String {
    let mut doc = f.doc.trim().to_string();
    let rules = f.rule_words();
    let wire = format!(
        "Wire: `{}`, a JSON {}{}.",
        f.wire,
        match f.wire_type {
            WireType::String => "string",
            WireType::Number => "number",
        },
        if f.required {
            ", required"
        } else {
            ", optional"
        }
    );
    doc.push_str(&format!("\n\n{wire}"));
    if !rules.is_empty() {
        doc.push_str(&format!(" Rules: {}.", rules.join(", ")));
    }
    if let Some(mark) = f.rule_mark() {
        doc.push_str(&format!("\n\n{mark}"));
    }
    doc.push_str(&bullet_notes("Notes:", &f.notes));
    doc
}

/// The Rust value type of a request field as stored in the request.
fn value_type(f: &RequestField) -> TokenStream {
    let inner = match f.kind {
        FieldKind::Text => quote!(String),
        FieldKind::Amount => quote!(Amount),
        FieldKind::Enum => {
            let e = ident(&enum_name(f));
            quote!(#e)
        }
    };
    if f.required {
        inner
    } else {
        quote!(Option<#inner>)
    }
}

fn request_type(
    country: &Country,
    plan: &EndpointPlan,
    request_ty: &proc_macro2::Ident,
    builder_ty: &proc_macro2::Ident,
    response_ty: &proc_macro2::Ident,
    fields: &[&RequestField],
) -> TokenStream {
    let e = plan.spec;
    let signable_ts = if e.timestamp == TimestampWire::Absent {
        quote!()
    } else {
        quote!(#[signable(timestamp)])
    };
    let struct_fields = fields.iter().map(|f| {
        let name = field_ident(f);
        let wire = &f.wire;
        let ty = value_type(f);
        // The derive is the one reader of a field's wire name and form: it writes the body
        // and signs what it wrote (`None` is not sent).
        let wire_attr = match (f.kind, f.wire_type) {
            (FieldKind::Amount, WireType::String) => quote!(#[signable(rename = #wire, string)]),
            (FieldKind::Amount, WireType::Number) => quote!(#[signable(rename = #wire, number)]),
            _ => quote!(#[signable(rename = #wire)]),
        };
        quote! { #wire_attr #name: #ty, }
    });
    let getters = fields.iter().map(|f| {
        let name = field_ident(f);
        let doc = doc_lines(&field_doc(f));
        let (ty, body) = match (f.kind, f.required) {
            (FieldKind::Text, true) => (quote!(&str), quote!(&self.#name)),
            (FieldKind::Text, false) => (quote!(Option<&str>), quote!(self.#name.as_deref())),
            (FieldKind::Amount, _) => (quote!(Amount), quote!(self.#name)),
            (FieldKind::Enum, true) => {
                let t = ident(&enum_name(f));
                (quote!(#t), quote!(self.#name))
            }
            (FieldKind::Enum, false) => {
                let t = ident(&enum_name(f));
                (quote!(Option<#t>), quote!(self.#name))
            }
        };
        quote! { #doc pub fn #name(&self) -> #ty { #body } }
    });
    let to_builder = fields.iter().map(|f| {
        let name = field_ident(f);
        match (f.kind, f.required) {
            (FieldKind::Text, true) => quote!(#name: Some(self.#name.clone()),),
            (FieldKind::Text, false) => quote!(#name: self.#name.clone(),),
            (FieldKind::Amount, _) if f.adjustable_bounds => {
                let l = limits_ident(f);
                quote!(#name: Some(AmountInput(Ok(self.#name))), #l: None,)
            }
            (FieldKind::Amount, _) => quote!(#name: Some(AmountInput(Ok(self.#name))),),
            (FieldKind::Enum, true) => quote!(#name: Some(self.#name.as_str().to_string()),),
            (FieldKind::Enum, false) => quote!(#name: self.#name.map(|v| v.as_str().to_string()),),
        }
    });
    let example = crate::codegen::tests::builder_chain(country, plan, false);
    let crate_ident = ident(&country.crate_ident());
    let ts = plan.example.timestamp.unwrap_or(0);
    let path = &e.path;
    let builder_ty_str = builder_ty.to_string();
    let trade_no_fn = match fields
        .iter()
        .find(|f| f.wire == "tradeNo" && f.kind == FieldKind::Text)
    {
        Some(f) => {
            let name = field_ident(f);
            let value = if f.required {
                quote!(Some(&self.#name))
            } else {
                quote!(self.#name.as_deref())
            };
            quote! {
                fn trade_no(&self) -> Option<&str> {
                    #value
                }
            }
        }
        None => quote!(),
    };
    let mut doc = format!("{}\n\n{}", e.summary, call_line(e));
    doc.push_str(
        "\n\nBuild it with [`Self::builder`]: every value of this type satisfies the spec's rules, \
         so preparing it cannot fail. Its response `data` is [`",
    );
    doc.push_str(&format!("{response_ty}`]."));
    let doc = doc_lines(&doc);
    let example_doc = doc_lines(&format!(
        "# Example\n\n```\nuse {crate_ident}::advanced::{{Credentials, PreparedRequest}};\n\nlet request = {example};\nlet prepared = PreparedRequest::new(&request, &Credentials::new(\"0000000001\", {crate_ident}::Secret::new(\"TESTSECRET\")?), {ts});\nassert_eq!(prepared.path, \"{path}\");\n# Ok::<(), Box<dyn std::error::Error>>(())\n```"
    ));
    quote! {
        #doc
        ///
        #example_doc
        #[derive(Clone, Debug, PartialEq, Eq, Deserialize, paypro_core::Signable)]
        #[serde(try_from = #builder_ty_str)]
        #signable_ts
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        pub struct #request_ty {
            #(#struct_fields)*
        }

        impl #request_ty {
            /// An empty builder.
            pub fn builder() -> #builder_ty {
                #builder_ty::default()
            }

            /// A builder holding this request's values, to change some and build again.
            pub fn to_builder(&self) -> #builder_ty {
                #builder_ty {
                    #(#to_builder)*
                }
            }

            #(#getters)*
        }

        impl Endpoint for #request_ty {
            const DESCRIPTOR: &'static EndpointDescriptor = &DESCRIPTOR;
            type Response = #response_ty;
            #trade_no_fn
        }

        impl TryFrom<#builder_ty> for #request_ty {
            type Error = ValidationError;
            fn try_from(builder: #builder_ty) -> Result<Self, ValidationError> {
                builder.build()
            }
        }
    }
}

fn builder_type(
    request_ty: &proc_macro2::Ident,
    builder_ty: &proc_macro2::Ident,
    fields: &[&RequestField],
) -> TokenStream {
    let builder_fields = fields.iter().map(|f| {
        let name = field_ident(f);
        let wire = &f.wire;
        let ty = match f.kind {
            FieldKind::Amount => quote!(Option<AmountInput>),
            _ => quote!(Option<String>),
        };
        let schema = match f.kind {
            FieldKind::Enum => {
                let with = format!("Option<{}>", enum_name(f));
                quote!(#[cfg_attr(feature = "schemars", schemars(with = #with))])
            }
            _ => quote!(),
        };
        let doc = doc_lines(&field_doc(f));
        let limits = if f.adjustable_bounds {
            let l = limits_ident(f);
            quote! { #[serde(skip)] #l: Option<(u64, u64)>, }
        } else {
            quote!()
        };
        quote! { #doc #[serde(rename = #wire, default)] #schema #name: #ty, #limits }
    });
    let setters = fields.iter().map(|f| {
        let name = field_ident(f);
        let doc = doc_lines(&field_doc(f));
        match f.kind {
            FieldKind::Text => quote! {
                #doc
                pub fn #name(mut self, value: impl Into<String>) -> Self {
                    self.#name = Some(value.into());
                    self
                }
            },
            FieldKind::Amount => {
                let limits = if f.adjustable_bounds {
                    let l = limits_ident(f);
                    let doc = doc_lines(&format!(
                        "The bounds of `{}` for your merchant account, when Paypro adjusted them: the docs call the documented bounds ({}) adjustable. Without this call the documented bounds apply; with it, `min..=max` does (0 and amounts above `i64::MAX` stay refused). `to_builder` does not carry it over: call it again before rebuilding.",
                        f.wire,
                        match (f.min, f.max) {
                            (Some(a), Some(b)) => format!("{a} to {b}"),
                            (Some(a), None) => format!("at least {a}"),
                            (None, Some(b)) => format!("at most {b}"),
                            (None, None) => String::new(),
                        }
                    ));
                    quote! {
                        #doc
                        pub fn #l(mut self, min: u64, max: u64) -> Self {
                            self.#l = Some((min, max));
                            self
                        }
                    }
                } else {
                    quote!()
                };
                quote! {
                    #doc
                    ///
                    /// Accepts integers, digit strings and whole-valued decimals (`150`,
                    /// `"150"`, `"150.00"`, `150.0`); anything with a fraction, zero or a value
                    /// above `i64::MAX` is reported by [`Self::build`].
                    pub fn #name(mut self, value: impl IntoAmount) -> Self {
                        self.#name = Some(AmountInput(value.into_amount()));
                        self
                    }

                    #limits
                }
            }
            FieldKind::Enum => {
                let t = ident(&enum_name(f));
                quote! {
                    #doc
                    pub fn #name(mut self, value: #t) -> Self {
                        self.#name = Some(value.as_str().to_string());
                        self
                    }
                }
            }
        }
    });
    let checks = fields.iter().map(|f| {
        let name = field_ident(f);
        let c = const_ident(f);
        match (f.kind, f.required) {
            (FieldKind::Text, true) => quote!(let #name = check.required_text(&#c, self.#name);),
            (FieldKind::Text, false) => quote!(let #name = check.optional_text(&#c, self.#name);),
            (FieldKind::Amount, _) if f.adjustable_bounds => {
                let l = limits_ident(f);
                quote!(let #name = check.required_amount_within(&#c, self.#name, self.#l);)
            }
            (FieldKind::Amount, _) => quote!(let #name = check.required_amount(&#c, self.#name);),
            (FieldKind::Enum, true) => {
                let t = ident(&enum_name(f));
                quote!(let #name = check.required_text(&#c, self.#name).and_then(|v| #t::from_wire(&v));)
            }
            (FieldKind::Enum, false) => {
                let t = ident(&enum_name(f));
                quote!(let #name = check.optional_text(&#c, self.#name).and_then(|v| #t::from_wire(&v));)
            }
        }
    });
    // Rules that depend on another field, once both are read.
    let conditional = fields.iter().filter_map(|f| {
        let when = f.format_when.as_ref()?;
        let other = fields.iter().find(|o| o.wire == when.field)?;
        let (name, c, o) = (field_ident(f), const_ident(f), field_ident(other));
        let other_value = match other.kind {
            FieldKind::Enum => quote!(#o.as_ref().map(|v| v.as_str())),
            _ => quote!(#o.as_deref()),
        };
        Some(quote!(check.conditional_format(&#c, #name.as_deref(), #other_value);))
    });
    let checks = checks.chain(conditional);
    let required: Vec<_> = fields
        .iter()
        .filter(|f| f.required)
        .map(|f| field_ident(f))
        .collect();
    let all: Vec<_> = fields.iter().map(|f| field_ident(f)).collect();
    let check_binding = if fields.is_empty() {
        quote!(check)
    } else {
        quote!(mut check)
    };
    let construct = if required.is_empty() {
        quote! {
            if check.is_clean() {
                Ok(#request_ty { #(#all),* })
            } else {
                Err(check.into_error())
            }
        }
    } else {
        quote! {
            match (#(#required),*,) {
                (#(Some(#required)),*,) if check.is_clean() => Ok(#request_ty { #(#all),* }),
                _ => Err(check.into_error()),
            }
        }
    };
    let builder_doc = format!(
        " Builds a [`{request_ty}`]. Setters take plain values; [`Self::build`] checks every rule at once and names each broken one.\n\n It also deserializes from the request's JSON fields (wire names, without `sign` and `timestamp`), so input from a file or a command line goes through the same checks."
    );
    quote! {
        #[doc = #builder_doc]
        #[derive(Clone, Debug, Default, Deserialize)]
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        #[serde(deny_unknown_fields)]
        pub struct #builder_ty {
            #(#builder_fields)*
        }

        impl #builder_ty {
            #(#setters)*

            /// Checks every field against the spec's rules and builds the request.
            pub fn build(self) -> Result<#request_ty, ValidationError> {
                let #check_binding = Checker::new();
                #(#checks)*
                #construct
            }
        }
    }
}

fn enum_type(f: &RequestField) -> TokenStream {
    let name = ident(&enum_name(f));
    let variants: Vec<_> = f
        .values
        .iter()
        .map(|v| ident(&names::variant_ident(&v.wire, v.rust.as_deref())))
        .collect();
    let wires: Vec<_> = f.values.iter().map(|v| &v.wire).collect();
    let docs = f
        .values
        .iter()
        .map(|v| doc_lines(&format!("`{}`: {}", v.wire, v.doc)));
    let doc = doc_lines(&format!(
        "The values of `{}` the docs name.{}{}",
        f.wire,
        f.rule_basis
            .as_ref()
            .map(|b| format!(
                "\n\nThe list is closed (another value is refused). {}",
                b.text()
            ))
            .unwrap_or_default(),
        bullet_notes("Notes:", &f.notes)
    ));
    quote! {
        #doc
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        #[non_exhaustive]
        pub enum #name {
            #(#docs #[serde(rename = #wires)] #variants,)*
        }

        impl #name {
            /// Every value, in the docs' order.
            pub const ALL: &'static [#name] = &[#(#name::#variants),*];

            /// The value as sent.
            pub const fn as_str(self) -> &'static str {
                match self {
                    #(#name::#variants => #wires,)*
                }
            }

            /// Reads a wire value (exact match).
            pub fn from_wire(value: &str) -> Option<Self> {
                match value {
                    #(#wires => Some(#name::#variants),)*
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl WireValue for #name {
            fn write_json<O: JsonOut + ?Sized>(&self, out: &mut O) {
                self.as_str().write_json(out);
            }
            fn json_len(&self) -> usize {
                self.as_str().json_len()
            }
        }
    }
}

/// Response-field consts and struct; shared with the notification.
/// What the code [`data_struct`] writes uses.
pub const DATA_STRUCT_IMPORTS: [&str; 8] = [
    "paypro_core::__private::RawValue",
    "paypro_core::RawFields",
    "paypro_core::descriptor::ResponseField",
    "paypro_core::descriptor::ValueKind",
    "paypro_core::lenient",
    "paypro_core::DecodeError",
    "paypro_core::Extra",
    "paypro_core::FromRaw",
];

/// Which kind of object a data struct reads.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    Response,
    Notification,
}

pub fn data_struct(
    name: &proc_macro2::Ident,
    doc: &str,
    fields: &[&ResponseField],
    consts_name: &proc_macro2::Ident,
    message_fields: &[String],
    reading: Reading,
) -> TokenStream {
    let consts = fields.iter().map(|f| {
        let wire = &f.wire;
        let aliases = &f.aliases;
        let kind = value_kind(f.kind);
        let required = f.required;
        let doc = crate::docs::markdown::rendered(&f.doc);
        quote! {
            ResponseField { wire: #wire, aliases: &[#(#aliases),*], kind: #kind, required: #required, doc: #doc },
        }
    });
    let struct_fields = fields.iter().map(|f| {
        let name = ident(&names::field_ident(&f.wire, f.rust.as_deref()));
        let wire = &f.wire;
        let ty = rust_value_type(f.kind);
        let mut doc = f.doc.trim().to_string();
        if !f.aliases.is_empty() {
            let a: Vec<String> = f.aliases.iter().map(|a| format!("`{a}`")).collect();
            doc.push_str(&format!(
                "\n\nWire: `{wire}`, also read from {}.",
                a.join(", ")
            ));
        } else {
            doc.push_str(&format!("\n\nWire: `{wire}`."));
        }
        for mark in f.marks() {
            doc.push_str(&format!("\n\n{mark}"));
        }
        doc.push_str(&bullet_notes("Notes:", &f.notes));
        let doc = doc_lines(&doc);
        quote! {
            #doc
            #[serde(rename = #wire, skip_serializing_if = "Option::is_none")]
            pub #name: Option<#ty>,
        }
    });
    let reads = fields.iter().enumerate().map(|(i, f)| {
        let name = ident(&names::field_ident(&f.wire, f.rust.as_deref()));
        let reader = match f.kind {
            ValueKind::Text => quote!(text),
            ValueKind::Decimal => quote!(decimal),
            ValueKind::Integer => quote!(integer),
            ValueKind::Boolean => quote!(boolean),
            ValueKind::Status => quote!(status),
        };
        let i = num(i as u64);
        quote!(let #name = found.#reader(#i)?;)
    });
    let strictness = match reading {
        Reading::Response => quote!(lenient::Strictness::Response),
        Reading::Notification => quote!(lenient::Strictness::Notification),
    };
    let status_field = fields.iter().find(|f| f.kind == ValueKind::Status);
    let paid_field = fields.iter().find(|f| f.paid);
    let fully_paid = match (status_field, paid_field) {
        (Some(s), Some(p)) => {
            let status = ident(&names::field_ident(&s.wire, s.rust.as_deref()));
            let paid = ident(&names::field_ident(&p.wire, p.rust.as_deref()));
            let doc = doc_lines(&format!(
                "Whether this proves the order was paid in full: status `0000` and `{}` (the amount actually paid) at least `expected`. Never true for a partial payment (`0001`), a success without an amount, or a success for less: deliver only when this is true. See [`is_fully_paid`](crate::is_fully_paid).",
                p.wire
            ));
            let event_doc = doc_lines(&format!(
                "This answer as an [`Event`](crate::Event) for [`Order::apply`](crate::Order::apply): its status and `{}`; `None` without a status.",
                p.wire
            ));
            quote! {
                impl #name {
                    #doc
                    pub fn is_fully_paid(&self, expected: impl Into<paypro_core::Decimal>) -> bool {
                        paypro_core::is_fully_paid(self.#status.as_ref(), self.#paid, expected.into())
                    }

                    #event_doc
                    pub fn order_event(&self) -> Option<paypro_core::order::Event> {
                        self.#status
                            .clone()
                            .map(|status| paypro_core::order::Event::new(status, self.#paid))
                    }
                }
            }
        }
        _ => quote!(),
    };
    let all: Vec<_> = fields
        .iter()
        .map(|f| ident(&names::field_ident(&f.wire, f.rust.as_deref())))
        .collect();
    // A failed status carries the first present explanation field.
    let explanations: Vec<_> = message_fields
        .iter()
        .filter_map(|wire| {
            fields
                .iter()
                .find(|f| f.wire == *wire && f.kind == ValueKind::Text)
        })
        .map(|f| ident(&names::field_ident(&f.wire, f.rust.as_deref())))
        .collect();
    // Without an explanation field there is nothing to attach (`with_message(None)` changes
    // nothing).
    let attach = fields
        .iter()
        .filter(|f| f.kind == ValueKind::Status && !explanations.is_empty())
        .map(|f| {
            let status = ident(&names::field_ident(&f.wire, f.rust.as_deref()));
            let text = explanations
                .iter()
                .map(|e| quote!(.or_else(|| #e.clone())))
                .collect::<TokenStream>();
            // Only a failure carries the explanation: no copy of it for any other status.
            quote! {
                let #status = #status.map(|s| match s {
                    paypro_core::Status::Failed { .. } => s.with_message(None #text),
                    other => other,
                });
            }
        });
    let doc = doc_lines(doc);
    quote! {
        const #consts_name: &[ResponseField] = &[#(#consts)*];

        #doc
        #[derive(Clone, Debug, PartialEq, Serialize)]
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        #[non_exhaustive]
        pub struct #name {
            #(#struct_fields)*
            /// Fields the spec does not know (and a second spelling of a field already read),
            /// exactly as received.
            #[serde(flatten)]
            pub extra: Extra,
        }

        impl FromRaw for #name {
            fn from_raw(raw: &RawValue, path: &str) -> Result<Self, DecodeError> {
                lenient::from_object(raw, path)
            }

            fn from_fields(object: RawFields<'_>, path: &str) -> Result<Self, DecodeError> {
                let found = lenient::Fields::read(object, path, #consts_name, #strictness)?;
                #(#reads)*
                #(#attach)*
                Ok(#name { #(#all,)* extra: found.into_extra() })
            }
        }

        #fully_paid
    }
}

fn value_kind(k: ValueKind) -> TokenStream {
    match k {
        ValueKind::Text => quote!(ValueKind::Text),
        ValueKind::Decimal => quote!(ValueKind::Decimal),
        ValueKind::Integer => quote!(ValueKind::Integer),
        ValueKind::Boolean => quote!(ValueKind::Boolean),
        ValueKind::Status => quote!(ValueKind::Status),
    }
}

fn rust_value_type(k: ValueKind) -> TokenStream {
    match k {
        ValueKind::Text => quote!(String),
        ValueKind::Decimal => quote!(paypro_core::Decimal),
        ValueKind::Integer => quote!(u64),
        ValueKind::Boolean => quote!(bool),
        ValueKind::Status => quote!(paypro_core::Status),
    }
}

fn response_type(
    plan: &EndpointPlan,
    response_ty: &proc_macro2::Ident,
    message_fields: &[String],
) -> TokenStream {
    let e = plan.spec;
    match e.data {
        DataShape::Boolean => {
            let doc = doc_lines(&format!(
                "The response's `data` is a bare boolean (the submission result).{}",
                bullet_notes("Notes:", &e.response_notes)
            ));
            quote! {
                #doc
                pub type #response_ty = bool;
            }
        }
        DataShape::Object => {
            let fields: Vec<&ResponseField> = e.response.iter().map(|f| f.get_ref()).collect();
            let mut doc = format!(
                "The response's `data` for `{}`. Every field is optional (the docs' examples omit fields their tables require); fields the spec does not know are kept in `extra`.",
                e.name
            );
            match e.response_provenance {
                ResponseProvenance::Documented => {
                    doc.push_str("\n\nThe fields: documented (the page's response table or example).")
                }
                ResponseProvenance::Partial => doc.push_str("\n\n**Partly inferred:** only part of the docs' response table was recovered; the notes say which fields are inferred and from what."),
                ResponseProvenance::Inferred => doc.push_str("\n\n**Inferred:** the docs' response table for this endpoint was not recovered; the notes say what these fields follow."),
            }
            doc.push_str(&bullet_notes("Notes:", &e.response_notes));
            data_struct(
                response_ty,
                &doc,
                &fields,
                &ident("RESPONSE_FIELDS"),
                message_fields,
                Reading::Response,
            )
        }
    }
}
