//! `backlog summary note` and `backlog summary question add|list|remove`:
//! what the person wants the doctor to know, and their questions, as the
//! printed summary shows them (the same fields as the app's Summary
//! screen). Every argument is checked before the journal is touched.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::journal::{store_at, warn_backup};
use super::{CliError, Out};
use crate::journal::{Journal, MAX_QUESTIONS, echo};

#[derive(Debug, Subcommand)]
pub enum NotesCommand {
    /// Show, write or clear "What I want the doctor to know".
    Note(NoteArgs),
    /// Your questions for the appointment (at most 5).
    Question(QuestionArgs),
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  backlog summary note\n  backlog summary note --text \"The pain wakes me most nights.\"\n  backlog summary note --clear"
)]
pub struct NoteArgs {
    /// The note, replacing the one there is.
    #[arg(
        long,
        value_name = "TEXT",
        conflicts_with = "clear",
        allow_hyphen_values = true
    )]
    text: Option<String>,
    /// Remove the note.
    #[arg(long)]
    clear: bool,
}

#[derive(Debug, Args)]
pub struct QuestionArgs {
    #[command(subcommand)]
    command: QuestionCommand,
}

#[derive(Debug, Subcommand)]
enum QuestionCommand {
    /// Add a question at the end of the list.
    Add {
        /// The question, in your words.
        #[arg(value_name = "TEXT", allow_hyphen_values = true)]
        text: String,
    },
    /// Show the questions, numbered.
    List,
    /// Remove a question by its number in `backlog summary question list`.
    Remove {
        /// The question's number, from 1.
        #[arg(value_name = "N", allow_hyphen_values = true)]
        number: String,
    },
}

pub fn run(
    command: &NotesCommand,
    data_dir: Option<PathBuf>,
    out: &mut Out,
) -> Result<(), CliError> {
    match command {
        NotesCommand::Note(a) => note(a, data_dir, out),
        NotesCommand::Question(a) => match &a.command {
            QuestionCommand::Add { text } => add(text, data_dir, out),
            QuestionCommand::List => {
                let journal = store_at(data_dir)?.load()?;
                print_questions(&journal, out)
            }
            QuestionCommand::Remove { number } => remove(number, data_dir, out),
        },
    }
}

fn note(a: &NoteArgs, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    let store = store_at(data_dir)?;
    let text = match (&a.text, a.clear) {
        (Some(t), _) => t.trim().to_owned(),
        (None, true) => String::new(),
        (None, false) => {
            let journal = store.load()?;
            return print_note(&journal, out);
        }
    };
    if a.text.is_some() && text.is_empty() {
        return Err(CliError::input(
            "the note is empty: write it in --text \"…\", or remove it with --clear",
        ));
    }
    let updated = store.update(|j: &mut Journal| {
        j.summary_notes.doctor_note.clone_from(&text);
        Ok::<_, CliError>(())
    })?;
    warn_backup(updated.backup_error.as_ref());
    out.line(if text.is_empty() {
        "Removed the note for your doctor."
    } else {
        "Saved the note for your doctor:"
    })?;
    if text.is_empty() {
        Ok(())
    } else {
        print_note(&updated.journal, out)
    }
}

fn print_note(j: &Journal, out: &mut Out) -> Result<(), CliError> {
    let note = j.summary_notes.doctor_note.trim();
    if note.is_empty() {
        out.line("No note for your doctor. Write one with: backlog summary note --text \"…\"")
    } else {
        out.hanging("  ", "  ", note)
    }
}

fn add(text: &str, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    let text = text.trim().to_owned();
    if text.is_empty() {
        return Err(CliError::input(
            "the question is empty: write it in quotes, for example backlog summary question add \"Should I have an X-ray?\"",
        ));
    }
    let store = store_at(data_dir)?;
    let updated = store.update(|j: &mut Journal| {
        if j.summary_notes.questions.len() >= MAX_QUESTIONS {
            return Err(CliError::input(format!(
                "you already have {MAX_QUESTIONS} questions, the most the page holds: remove one first (backlog summary question remove N)"
            )));
        }
        j.summary_notes.questions.push(text.clone());
        Ok(())
    })?;
    warn_backup(updated.backup_error.as_ref());
    out.line("Added your question:")?;
    print_questions(&updated.journal, out)
}

fn remove(number: &str, data_dir: Option<PathBuf>, out: &mut Out) -> Result<(), CliError> {
    let n: usize = number.trim().parse().map_err(|_| {
        CliError::input(format!(
            "\"{}\" is not a question number: give the number from backlog summary question list, for example 2",
            echo(number.trim())
        ))
    })?;
    let store = store_at(data_dir)?;
    let updated = store.update(|j: &mut Journal| {
        let count = j.summary_notes.questions.len();
        if n == 0 || n > count {
            return Err(CliError::input(if count == 0 {
                "there are no questions to remove".to_owned()
            } else {
                format!("there is no question {n}: give a number from 1 to {count}")
            }));
        }
        Ok(j.summary_notes.questions.remove(n - 1))
    })?;
    warn_backup(updated.backup_error.as_ref());
    out.hanging("Removed: ", "  ", &updated.value)?;
    print_questions(&updated.journal, out)
}

fn print_questions(j: &Journal, out: &mut Out) -> Result<(), CliError> {
    let questions = &j.summary_notes.questions;
    if questions.is_empty() {
        return out.line(
            "No questions for your doctor. Add one with: backlog summary question add \"…\"",
        );
    }
    for (i, q) in questions.iter().enumerate() {
        out.hanging(&format!("{}. ", i + 1), "   ", q)?;
    }
    Ok(())
}
