#pragma once

#include <QSet>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;
class QToolButton;

namespace bouncelens {

class BounceFilterProxy;
class BounceTableModel;

// The lower half of the window: search box, filters and the sortable bounce table. Tells the
// window which message (and recipient) the current row shows.
class BounceTablePane : public QWidget
{
    Q_OBJECT

public:
    BounceTablePane(BounceTableModel *model, BounceFilterProxy *proxy, QWidget *parent = nullptr);

    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QLineEdit *searchBox() const { return m_search; }
    [[nodiscard]] QCheckBox *permanentOnlyBox() const { return m_permanentOnly; }
    [[nodiscard]] QCheckBox *hardOnlyBox() const { return m_hardOnly; }
    [[nodiscard]] QComboBox *reasonBox() const { return m_reason; }

    // Makes the row of this source-model row current (if the filters show it).
    void selectSourceRow(int sourceRow);
    void focusSearch();
    // Sizes the columns to their header and the rows on screen.
    void fitColumns();
    // Adds reasons seen in new messages to the reason filter.
    void addReasons(const QStringList &reasons);
    void resetReasons();
    // Applies the pending search text now instead of after the typing pause.
    void applySearchNow();

    // The summary's bars: show only one reason / domain / day / kind; the same key again shows
    // everything. A domain, day or kind filter shows as a button above the table that clears it.
    enum class Facet { Reason, Domain, Day, Kind };
    void toggleFacet(Facet facet, const QString &key, const QString &label);
    void clearFacets();
    [[nodiscard]] QToolButton *facetButton() const { return m_facetButton; }

    [[nodiscard]] QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray &state);

signals:
    // recipient -1: the row shows a message without recipients.
    void currentChanged(int message, int recipient);
    // A reason, domain, day or kind filter changed (from the pane or the summary).
    void facetsChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateFacetButton();
    void rebuildReasonBox();
    void onCurrentRowChanged();

    BounceTableModel *m_model;
    BounceFilterProxy *m_proxy;
    QLineEdit *m_search = nullptr;
    QTimer *m_searchDelay = nullptr;
    QCheckBox *m_permanentOnly = nullptr;
    QCheckBox *m_hardOnly = nullptr;
    QLabel *m_reasonLabel = nullptr;
    QComboBox *m_reason = nullptr;
    QToolButton *m_facetButton = nullptr;
    QString m_facetLabel;
    Facet m_facet = Facet::Domain;
    QTableView *m_table = nullptr;
    QSet<QString> m_reasons;
};

} // namespace bouncelens
