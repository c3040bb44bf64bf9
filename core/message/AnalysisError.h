#pragma once

#include <QLatin1String>

namespace bouncelens {

// Why a message could not be read or analysed, beside the translated text that says so
// (RawMessage::error, MessageAnalysis::error). Scripts match on the stable identifier
// (errorCodeName, the JSON's "error_code"), which does not change with the language.
enum class AnalysisError {
    None, // no error
    NotFound, // the file does not exist
    Folder, // a folder was given where a message file was expected
    Unreadable, // the file or standard input could not be opened or read
    Empty, // the file or the message has no content
    TooLarge, // the message is larger than LoaderLimits::maxMessageBytes
    Unparsable, // the MIME parser rejected the message
    NotAMessage, // the text has no header, so it is no e-mail message
    TooDeeplyNested, // parts nest past the extractor's limit and the outer parts show no bounce
};

// The stable identifier of an error: "not-found", "folder", "unreadable", "empty", "too-large",
// "unparsable", "not-a-message", "too-deeply-nested"; "" for None.
[[nodiscard]] constexpr QLatin1String errorCodeName(AnalysisError error)
{
    switch (error) {
    case AnalysisError::None: return QLatin1String("");
    case AnalysisError::NotFound: return QLatin1String("not-found");
    case AnalysisError::Folder: return QLatin1String("folder");
    case AnalysisError::Unreadable: return QLatin1String("unreadable");
    case AnalysisError::Empty: return QLatin1String("empty");
    case AnalysisError::TooLarge: return QLatin1String("too-large");
    case AnalysisError::Unparsable: return QLatin1String("unparsable");
    case AnalysisError::NotAMessage: return QLatin1String("not-a-message");
    case AnalysisError::TooDeeplyNested: return QLatin1String("too-deeply-nested");
    }
    return QLatin1String("");
}

} // namespace bouncelens
