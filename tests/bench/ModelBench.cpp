#include "ModelBench.h"

#include "BounceFilterProxy.h"
#include "BounceTableModel.h"
#include "ProcMemory.h"
#include "analysis/BounceAnalyzer.h"
#include "message/MessageStream.h"

#include <QElapsedTimer>

#include <cstdio>

namespace bouncelens::bench {

void runModelBench(int rows, const QStringList &paths)
{
    const BounceAnalyzer analyzer;
    QList<LoadedMessage> distinct;
    for (MessageStream stream(paths); std::optional<RawMessage> raw = stream.next();)
        distinct << LoadedMessage::compact(analyzer.analyze(*raw), *raw);
    if (distinct.isEmpty())
        return;
    const qint64 baseKb = procStatusKb("VmRSS");
    BounceTableModel model;
    BounceFilterProxy proxy;
    proxy.setSourceModel(&model);
    QElapsedTimer t;
    t.start();
    int copy = 0;
    while (model.rowCount() < rows) {
        // Batches as the worker delivers them; each copy a message of its own (own strings).
        QList<LoadedMessage> batch;
        for (const LoadedMessage &m : distinct) {
            LoadedMessage c = m;
            c.analysis.index = copy;
            for (RecipientResult &r : c.analysis.recipients)
                r.address = QString::number(copy) + r.address;
            batch << c;
        }
        model.appendMessages(batch);
        ++copy;
    }
    std::printf("model: %d rows (%lld messages) appended in %lld ms, rows take %.1f MB\n", model.rowCount(),
        qint64(model.messages().size()), t.elapsed(), (procStatusKb("VmRSS") - baseKb) / 1024.0);
    for (int column = 0; column < BounceTableModel::ColumnCount; ++column) {
        t.restart();
        proxy.sort(column, Qt::AscendingOrder);
        std::printf("  sort on column %d: %lld ms\n", column, t.elapsed());
    }
    t.restart();
    proxy.setSearchText(QStringLiteral("example 5.1.1"));
    std::printf("  search \"example 5.1.1\": %lld ms, %d rows\n", t.elapsed(), proxy.rowCount());
    t.restart();
    proxy.setSearchText(QString());
    proxy.setReason(QStringLiteral("userunknown"));
    std::printf("  filter reason userunknown: %lld ms, %d rows\n", t.elapsed(), proxy.rowCount());
    std::printf("  peak RSS (VmHWM): %.1f MB\n", procStatusKb("VmHWM") / 1024.0);
    std::fflush(stdout);
}

} // namespace bouncelens::bench
