#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace bouncelens {

// An RFC 5322 style block of "Name: value" fields, as found in a message header, in each block
// of a delivery-status report (RFC 3464) and in a feedback report (RFC 5965). Values are
// unfolded and kept as raw bytes: decoding is the caller's choice (TextDecoder::decodeHeader).
class HeaderBlock
{
public:
    struct Field
    {
        QByteArray name; // as written
        QByteArray value; // unfolded, trimmed
    };

    // Hostile inputs: the header block passed on is cut (at a line end) past this size, and each
    // field value past kMaxValueBytes. Real headers are far smaller.
    static constexpr qsizetype kMaxHeaderBytes = 1 << 20;
    static constexpr qsizetype kMaxValueBytes = 64 * 1024;

    HeaderBlock() = default;
    // Parses fields until the first empty line (or the end). Lines that are neither a field
    // nor a continuation are skipped: reports written by hand are often sloppy.
    [[nodiscard]] static HeaderBlock parse(const QByteArray &block);

    // The header of a whole message: everything before the first empty line (at most
    // kMaxHeaderBytes, cut at a line end).
    [[nodiscard]] static QByteArray headerPart(const QByteArray &message);

    [[nodiscard]] const QList<Field> &fields() const { return m_fields; }
    [[nodiscard]] bool isEmpty() const { return m_fields.isEmpty(); }
    [[nodiscard]] bool contains(const char *name) const;
    // The first field of that name (case-insensitive), empty when absent.
    [[nodiscard]] QByteArray value(const char *name) const;
    [[nodiscard]] QList<QByteArray> values(const char *name) const;

private:
    QList<Field> m_fields;
};

} // namespace bouncelens
