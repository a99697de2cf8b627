//! The explorer index format (written by the generator, read by the explorer).
