#include "CertificatePrompt.h"

#include "AccountStore.h"

#include <QMessageBox>
#include <QPushButton>

namespace bouncelens {

void CertificatePrompt::ask(QWidget *parent, const QString &hostPort, const QString &fingerprint,
    const QString &errorText, const std::function<void(bool trusted)> &answer)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Untrusted Certificate"),
        tr("The mail server %1 presented a certificate that this computer does not trust.").arg(hostPort),
        QMessageBox::NoButton, parent);
    box->setObjectName(QStringLiteral("certificatePrompt"));
    QString details = errorText;
    if (!details.contains(fingerprint))
        details += QLatin1Char('\n') + tr("SHA-256 fingerprint: %1").arg(fingerprint);
    details += QStringLiteral("\n\n")
        + tr("If you trust it, BounceLens accepts exactly this certificate for %1 from now on and asks again "
             "if the server's certificate changes.")
              .arg(hostPort);
    box->setInformativeText(details);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPushButton *trust = box->addButton(tr("&Trust This Certificate"), QMessageBox::AcceptRole);
    trust->setObjectName(QStringLiteral("trustButton"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(box, &QMessageBox::finished, box, [box, trust, hostPort, fingerprint, answer](int) {
        const bool trusted = box->clickedButton() == trust;
        if (trusted)
            AccountStore().trustFingerprint(hostPort, fingerprint);
        answer(trusted);
    });
    box->open();
}

} // namespace bouncelens
