// SOCOFing file names: every finger, hand, gender, alteration suffix and level folder as the
// data set spells them, the case variants seen in copies of it, and names that must be refused.
#include "ridgeworks/data/SocofingName.h"

#include <QtTest>

Q_DECLARE_METATYPE(std::optional<rw::DamageKind>)

class TestSocofingName : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesValidNames_data();
    void parsesValidNames();
    void rejectsOtherNames_data();
    void rejectsOtherNames();
    void levelFromFolder();
    void fingerKeyIsSharedByRealAndAltered();
};

void TestSocofingName::parsesValidNames_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<int>("subject");
    QTest::addColumn<QChar>("gender");
    QTest::addColumn<QString>("hand");
    QTest::addColumn<QString>("finger");
    QTest::addColumn<std::optional<rw::DamageKind>>("alteration");

    using K = rw::DamageKind;
    const std::optional<K> none;
    QTest::newRow("real") << "1__M_Left_index_finger.BMP" << 1 << QChar('M') << "Left"
                          << "index" << none;
    QTest::newRow("real, folders")
        << "/data/SOCOFing/Real/600__F_Right_little_finger.BMP" << 600 << QChar('F') << "Right"
        << "little" << none;
    QTest::newRow("no extension") << "12__F_Right_ring_finger" << 12 << QChar('F') << "Right"
                                  << "ring" << none;
    QTest::newRow("lower-case extension")
        << "7__M_Left_thumb_finger.bmp" << 7 << QChar('M') << "Left"
        << "thumb" << none;
    QTest::newRow("middle") << "33__M_Right_middle_finger.BMP" << 33 << QChar('M') << "Right"
                            << "middle" << none;
    QTest::newRow("_CR") << "Altered/Altered-Hard/1__M_Left_index_finger_CR.BMP" << 1 << QChar('M')
                         << "Left"
                         << "index" << std::optional<K>(K::Rotation);
    QTest::newRow("_Obl") << "2__F_Left_thumb_finger_Obl.BMP" << 2 << QChar('F') << "Left"
                          << "thumb" << std::optional<K>(K::Obliteration);
    QTest::newRow("_Zcut") << "3__M_Right_little_finger_Zcut.BMP" << 3 << QChar('M') << "Right"
                           << "little" << std::optional<K>(K::ZCut);
    QTest::newRow("_cr lower") << "4__M_Left_index_finger_cr.bmp" << 4 << QChar('M') << "Left"
                               << "index" << std::optional<K>(K::Rotation);
    QTest::newRow("_OBL upper") << "5__F_Left_index_finger_OBL.BMP" << 5 << QChar('F') << "Left"
                                << "index" << std::optional<K>(K::Obliteration);
    QTest::newRow("_ZCut mixed") << "6__M_Left_index_finger_ZCut.Bmp" << 6 << QChar('M') << "Left"
                                 << "index" << std::optional<K>(K::ZCut);
    QTest::newRow("windows separators")
        << "C:\\SOCOFing\\Real\\9__F_Left_ring_finger.BMP" << 9 << QChar('F') << "Left"
        << "ring" << none;
}

void TestSocofingName::parsesValidNames()
{
    QFETCH(QString, fileName);
    QFETCH(int, subject);
    QFETCH(QChar, gender);
    QFETCH(QString, hand);
    QFETCH(QString, finger);
    QFETCH(std::optional<rw::DamageKind>, alteration);

    const std::optional<rw::SocofingName> name = rw::parseSocofingName(fileName.toStdString());
    QVERIFY(name.has_value());
    QCOMPARE(name->subject, subject);
    QCOMPARE(name->gender, gender.toLatin1());
    QCOMPARE(QString::fromStdString(name->hand), hand);
    QCOMPARE(QString::fromStdString(name->finger), finger);
    QVERIFY(name->alteration == alteration);
    QVERIFY(!name->level.has_value());  // the level comes from the folder, not the name
}

void TestSocofingName::rejectsOtherNames_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::newRow("empty") << "";
    QTest::newRow("FVC") << "101_1.tif";
    QTest::newRow("one underscore") << "1_M_Left_index_finger.BMP";
    QTest::newRow("no subject") << "__M_Left_index_finger.BMP";
    QTest::newRow("subject zero") << "0__M_Left_index_finger.BMP";
    QTest::newRow("subject not a number") << "A1__M_Left_index_finger.BMP";
    QTest::newRow("huge subject") << "12345678901__M_Left_index_finger.BMP";
    QTest::newRow("gender X") << "1__X_Left_index_finger.BMP";
    QTest::newRow("hand Middle") << "1__M_Middle_index_finger.BMP";
    QTest::newRow("finger pinky") << "1__M_Left_pinky_finger.BMP";
    QTest::newRow("no _finger") << "1__M_Left_index.BMP";
    QTest::newRow("_fingers") << "1__M_Left_index_fingers.BMP";
    QTest::newRow("unknown suffix") << "1__M_Left_index_finger_Blur.BMP";
    QTest::newRow("two suffixes") << "1__M_Left_index_finger_CR_Obl.BMP";
    QTest::newRow("trailing underscore") << "1__M_Left_index_finger_.BMP";
    QTest::newRow("readme") << "README.txt";
}

void TestSocofingName::rejectsOtherNames()
{
    QFETCH(QString, fileName);
    QVERIFY(!rw::parseSocofingName(fileName.toStdString()).has_value());
}

void TestSocofingName::levelFromFolder()
{
    QVERIFY(rw::socofingLevelFromFolder("Altered-Easy") == rw::DamageLevel::Easy);
    QVERIFY(rw::socofingLevelFromFolder("Altered-Medium") == rw::DamageLevel::Medium);
    QVERIFY(rw::socofingLevelFromFolder("Altered-Hard") == rw::DamageLevel::Hard);
    QVERIFY(rw::socofingLevelFromFolder("altered-hard") == rw::DamageLevel::Hard);
    QVERIFY(!rw::socofingLevelFromFolder("Altered").has_value());
    QVERIFY(!rw::socofingLevelFromFolder("Real").has_value());
    QVERIFY(!rw::socofingLevelFromFolder("Altered-Custom").has_value());
}

void TestSocofingName::fingerKeyIsSharedByRealAndAltered()
{
    const auto real = rw::parseSocofingName("12__F_Right_ring_finger.BMP");
    const auto altered = rw::parseSocofingName("12__F_Right_ring_finger_Zcut.BMP");
    const auto lower = rw::parseSocofingName("12__f_right_RING_finger_zcut.bmp");
    QVERIFY(real && altered && lower);
    QCOMPARE(QString::fromStdString(real->fingerKey()), QStringLiteral("12__F_Right_ring_finger"));
    QCOMPARE(altered->fingerKey(), real->fingerKey());
    QCOMPARE(lower->fingerKey(), real->fingerKey());
    const auto other = rw::parseSocofingName("12__F_Left_ring_finger.BMP");
    QVERIFY(other->fingerKey() != real->fingerKey());
}

QTEST_GUILESS_MAIN(TestSocofingName)
#include "tst_socofingname.moc"
