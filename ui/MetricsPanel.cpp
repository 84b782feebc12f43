#include "MetricsPanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace rw {

MetricsPanel::MetricsPanel(QWidget* parent)
    : QWidget(parent)
    , m_table(new QTableWidget(this))
    , m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("metricsPanel"));
    m_table->setObjectName(QStringLiteral("metricsTable"));
    m_note->setObjectName(QStringLiteral("metricsNote"));
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    m_note->setStyleSheet(QStringLiteral("color: #6b7480"));

    const std::vector<MetricsColumn>& columns = metricsColumns();
    m_table->setColumnCount(static_cast<int>(columns.size()));
    QStringList headers;
    for (const MetricsColumn& column : columns)
        headers.append(column.title);
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setWordWrap(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_note);
    layout->addWidget(m_table, 1);
    showMessage(QStringLiteral("Select a reconstruction to see its metrics."));
}

void MetricsPanel::setTable(const MetricsTable& table, const QString& note)
{
    m_shownKey = table.itemKey;
    const QString fill = fillAgainstDamageText(table);
    m_note->setText(fill.isEmpty() ? note : note + QLatin1Char(' ') + fill);
    const std::vector<MetricsColumn>& columns = metricsColumns();
    m_table->clearContents();
    m_table->setRowCount(static_cast<int>(table.rows.size()));
    QStringList names;
    for (const MetricsRow& row : table.rows)
        names.append(row.isModel ? row.candidate + QStringLiteral(" (reconstruction)")
                                 : row.candidate + QStringLiteral(" (baseline)"));
    m_table->setVerticalHeaderLabels(names);

    for (int c = 0; c < static_cast<int>(columns.size()); ++c) {
        const MetricsColumn& column = columns[static_cast<std::size_t>(c)];
        double best = column.higherIsBetter ? -std::numeric_limits<double>::infinity()
                                            : std::numeric_limits<double>::infinity();
        for (const MetricsRow& row : table.rows) {
            const auto found = row.values.find(column.key);
            if (found == row.values.end() || !std::isfinite(found->second))
                continue;
            best = column.higherIsBetter ? std::max(best, found->second)
                                         : std::min(best, found->second);
        }
        for (int r = 0; r < static_cast<int>(table.rows.size()); ++r) {
            const MetricsRow& row = table.rows[static_cast<std::size_t>(r)];
            const auto found = row.values.find(column.key);
            auto* cell = new QTableWidgetItem;
            cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (found == row.values.end() || !std::isfinite(found->second)) {
                cell->setText(QStringLiteral("—"));
                cell->setToolTip(QStringLiteral("Not measurable here (e.g. an empty region)"));
            } else {
                cell->setText(QString::number(found->second, 'f', column.decimals));
                cell->setData(Qt::UserRole, found->second);
                if (found->second == best) {
                    QFont font = cell->font();
                    font.setBold(true);
                    cell->setFont(font);
                }
            }
            m_table->setItem(r, c, cell);
        }
    }
    m_table->setEnabled(true);
}

void MetricsPanel::showMessage(const QString& message)
{
    m_shownKey.clear();
    m_note->setText(message);
    m_table->clearContents();
    m_table->setRowCount(0);
    m_table->setEnabled(false);
}

}  // namespace rw
