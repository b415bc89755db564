//! A fast path for reading dossier files: a serde deserializer for the part of RON that
//! dossier files use — what twe-planner writes, and the same edited by hand (any spacing, any
//! field order, optional fields left out, struct names left out, trailing commas).
//!
//! Anything outside that part (block comments, escapes, raw strings, `#![enable]` extensions) and
//! every error make it give up; the loader then parses the file with `ron` itself, which
//! reports the problem with its line and column. So this path may decline a file `ron`
//! accepts, but never accepts a file differently: the property tests in `files::tests` hold
//! the two to the same dossiers.
//!
//! Why it exists: `ron` 0.12 parses dossiers about four times slower than `serde_json` parses
//! the same records (it looks ahead through every parenthesis to tell a struct from a tuple),
//! which made loading a Flanders-size workspace miss its 0.3 s target. The schema knowledge
//! stays in one place, the serde derives of the model: this file knows only the syntax.

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, Visitor};

/// Parses `text` as one value of `T`, or `None` when the fast path declines it.
pub(super) fn parse<T: DeserializeOwned>(text: &str) -> Option<T> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
    };
    let value = T::deserialize(&mut p).ok()?;
    p.ws();
    (p.pos == p.bytes.len()).then_some(value)
}

/// Why the fast path declined; the reason is not kept, since `ron` will find and word it.
#[derive(Debug)]
pub(super) struct Declined;

impl std::fmt::Display for Declined {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not in the fast path's part of RON")
    }
}

impl std::error::Error for Declined {}

impl de::Error for Declined {
    fn custom<M: std::fmt::Display>(_: M) -> Self {
        Declined
    }
}

type Result<T> = std::result::Result<T, Declined>;

/// The text and a position in it.
struct Parser<'de> {
    /// The whole file.
    text: &'de str,
    /// The same as bytes: every token this path accepts starts with an ASCII byte.
    bytes: &'de [u8],
    /// The next byte to read.
    pos: usize,
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl<'de> Parser<'de> {
    /// Skips spaces, tabs, line ends and `//` comments (the file contract's example has
    /// them). A block comment is not skipped: it is declined where a token is expected.
    fn ws(&mut self) {
        loop {
            match self.bytes.get(self.pos..self.pos + 2) {
                Some(b"//") => {
                    self.pos = self.bytes[self.pos..]
                        .iter()
                        .position(|&b| b == b'\n')
                        .map_or(self.bytes.len(), |n| self.pos + n);
                }
                _ => match self.bytes.get(self.pos) {
                    Some(b' ' | b'\t' | b'\n' | b'\r') => self.pos += 1,
                    _ => return,
                },
            }
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn expect(&mut self, b: u8) -> Result<()> {
        if self.peek() == Some(b) {
            self.pos += 1;
            Ok(())
        } else {
            Err(Declined)
        }
    }

    /// An identifier: a letter or `_`, then letters, digits and `_`.
    fn ident(&mut self) -> Result<&'de str> {
        let start = self.pos;
        if !self.peek().is_some_and(is_ident_start) {
            return Err(Declined);
        }
        while self.peek().is_some_and(is_ident_byte) {
            self.pos += 1;
        }
        // Both ends sit next to ASCII bytes, so they are character boundaries.
        Ok(&self.text[start..self.pos])
    }

    /// Whether the identifier `word` comes next (and not a longer one starting with it);
    /// consumes it if so.
    fn eat_word(&mut self, word: &str) -> bool {
        let end = self.pos + word.len();
        let matches = self.bytes.get(self.pos..end) == Some(word.as_bytes())
            && !self.bytes.get(end).copied().is_some_and(is_ident_byte);
        if matches {
            self.pos = end;
        }
        matches
    }

    /// A string without escapes or control characters; anything else is declined.
    fn string(&mut self) -> Result<&'de str> {
        self.expect(b'"')?;
        let start = self.pos;
        loop {
            match self.peek() {
                Some(b'"') => break,
                Some(b'\\') | None => return Err(Declined),
                Some(c) if c < 0x20 => return Err(Declined),
                Some(_) => self.pos += 1,
            }
        }
        let s = &self.text[start..self.pos];
        self.pos += 1;
        Ok(s)
    }

    /// After an element of a list or a struct: a comma, or the closing bracket (left for the
    /// caller to consume).
    fn after_element(&mut self, close: u8) -> Result<()> {
        self.ws();
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                Ok(())
            }
            Some(c) if c == close => Ok(()),
            _ => Err(Declined),
        }
    }
}

macro_rules! decline {
    ($($name:ident)*) => {
        $(
            fn $name<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
                Err(Declined)
            }
        )*
    };
}

impl<'de> de::Deserializer<'de> for &mut Parser<'de> {
    type Error = Declined;

    decline! {
        deserialize_any deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_f32
        deserialize_f64 deserialize_char deserialize_bytes deserialize_byte_buf deserialize_unit
        deserialize_map deserialize_identifier deserialize_ignored_any
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.ws();
        if self.eat_word("true") {
            visitor.visit_bool(true)
        } else if self.eat_word("false") {
            visitor.visit_bool(false)
        } else {
            Err(Declined)
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.ws();
        visitor.visit_borrowed_str(self.string()?)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.ws();
        if self.eat_word("None") {
            return visitor.visit_none();
        }
        // `Some` directly followed by its parenthesis, as written; other spellings go to ron.
        if !self.eat_word("Some") {
            return Err(Declined);
        }
        self.expect(b'(')?;
        let value = visitor.visit_some(&mut *self)?;
        self.ws();
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, _: V) -> Result<V::Value> {
        Err(Declined)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: V,
    ) -> Result<V::Value> {
        Err(Declined)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.ws();
        self.expect(b'[')?;
        visitor.visit_seq(Elements { p: self })
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value> {
        Err(Declined)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        _: V,
    ) -> Result<V::Value> {
        Err(Declined)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.ws();
        // The struct's name is optional; when written it must be the type's own.
        if self.peek().is_some_and(is_ident_start) && self.ident()? != name {
            return Err(Declined);
        }
        self.expect(b'(')?;
        visitor.visit_map(Fields { p: self })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.ws();
        let variant = self.ident()?;
        visitor.visit_enum(Variant { p: self, variant })
    }
}

/// The fields of a struct, after its opening parenthesis.
struct Fields<'a, 'de> {
    /// The parser, just past the opening parenthesis or the previous field's comma.
    p: &'a mut Parser<'de>,
}

impl<'de> de::MapAccess<'de> for Fields<'_, 'de> {
    type Error = Declined;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        self.p.ws();
        if self.p.peek() == Some(b')') {
            self.p.pos += 1;
            return Ok(None);
        }
        let name = self.p.ident()?;
        self.p.ws();
        self.p.expect(b':')?;
        seed.deserialize(BorrowedStrDeserializer::new(name))
            .map(Some)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value> {
        let value = seed.deserialize(&mut *self.p)?;
        self.p.after_element(b')')?;
        Ok(value)
    }
}

/// The elements of a list, after its opening bracket.
struct Elements<'a, 'de> {
    /// The parser, just past the opening bracket or the previous element's comma.
    p: &'a mut Parser<'de>,
}

impl<'de> de::SeqAccess<'de> for Elements<'_, 'de> {
    type Error = Declined;

    fn next_element_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<Option<S::Value>> {
        self.p.ws();
        if self.p.peek() == Some(b']') {
            self.p.pos += 1;
            return Ok(None);
        }
        let value = seed.deserialize(&mut *self.p)?;
        self.p.after_element(b']')?;
        Ok(Some(value))
    }
}

/// An enum value whose variant name has been read.
struct Variant<'a, 'de> {
    /// The parser, just past the variant's name; its content (if any) follows.
    p: &'a mut Parser<'de>,
    /// The variant's name, handed to serde to pick the variant.
    variant: &'de str,
}

impl<'a, 'de> de::EnumAccess<'de> for Variant<'a, 'de> {
    type Error = Declined;
    type Variant = &'a mut Parser<'de>;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self::Variant)> {
        let value = seed.deserialize(BorrowedStrDeserializer::new(self.variant))?;
        Ok((value, self.p))
    }
}

impl<'de> de::VariantAccess<'de> for &mut Parser<'de> {
    type Error = Declined;

    fn unit_variant(self) -> Result<()> {
        // `Pop()` or `Pop (…)` is left to ron.
        self.ws();
        if self.peek() == Some(b'(') {
            return Err(Declined);
        }
        Ok(())
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value> {
        self.expect(b'(')?;
        let value = seed.deserialize(&mut *self)?;
        self.ws();
        self.expect(b')')?;
        Ok(value)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value> {
        Err(Declined)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.expect(b'(')?;
        visitor.visit_map(Fields { p: self })
    }
}
