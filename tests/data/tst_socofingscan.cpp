// Scanning a SOCOFing-shaped folder written with the real file names: real prints listed,
// every altered print paired with its real one (kind from the suffix, level from the folder),
// unparsable names and orphans reported by name, missing folders named in the error.
#include "DataTestFiles.h"
#include "ErrorKindOf.h"
#include "ridgeworks/data/SocofingScan.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

namespace fs = std::filesystem;

class TestSocofingScan : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsRealPrints();
    void pairsAlteredWithReal();
    void reportsBadNamesAndOrphans();
    void missingFoldersAreNamed();
    void noAlteredFolderMeansNoPairs();

private:
    const rw::SkippedFile* skippedFor(const std::string& fileName) const;

    QTemporaryDir m_dir;
    fs::path m_root;
    rw::SocofingScan m_scan;
};

void TestSocofingScan::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_root = fs::path(m_dir.path().toStdString()) / "SOCOFing";
    using K = rw::DamageKind;
    using L = rw::DamageLevel;
    const auto made = rw::test::writeSocofingFolder(
        m_root, 3, {{K::Obliteration, L::Easy}, {K::Rotation, L::Hard}, {K::ZCut, L::Medium}});
    QCOMPARE(made.realPrints, 6);
    QCOMPARE(made.alteredPrints, 18);
    const cv::Mat& print = rw::test::smallPrint(1);
    // Names the scan must refuse or ignore.
    rw::test::writeText(m_root / "Real" / "README.txt", "not a print");
    rw::test::writeText(m_root / "Real" / ".DS_Store", "hidden");
    rw::test::writeImage(m_root / "Real" / "7__M_Left_index_finger_CR.BMP", print);
    rw::test::writeImage(m_root / "Altered" / "Altered-Easy" / "9__M_Left_index_finger_Obl.BMP",
                         print);  // orphan: no subject 9 in Real/
    rw::test::writeImage(m_root / "Altered" / "Altered-Easy" / "1__M_Left_index_finger.BMP",
                         print);  // no alteration suffix
    // An altered print in an unknown folder: paired, level unknown.
    rw::test::writeImage(m_root / "Altered" / "Extra" / "1__M_Left_thumb_finger_cr.bmp", print);
    // Broken pixels are not the scan's business (it reads no pixels): listed as real prints.
    rw::test::writeText(m_root / "Real" / "4__F_Left_ring_finger.BMP", "text, not a BMP");
    rw::test::writeTruncated(m_root / "Real" / "5__M_Left_ring_finger.BMP", print, 200);

    m_scan = rw::scanSocofing(m_root);
}

const rw::SkippedFile* TestSocofingScan::skippedFor(const std::string& fileName) const
{
    for (const auto& s : m_scan.skipped)
        if (fs::path(s.path).filename() == fileName)
            return &s;
    return nullptr;
}

void TestSocofingScan::listsRealPrints()
{
    QCOMPARE(m_scan.real.size(), std::size_t(8));  // 6 good + 2 broken files with good names
    QVERIFY(std::is_sorted(m_scan.real.begin(), m_scan.real.end(),
                           [](const auto& a, const auto& b) { return a.path < b.path; }));
    for (const auto& real : m_scan.real) {
        QCOMPARE(real.path.parent_path().filename().string(), std::string("Real"));
        QVERIFY(!real.name.alteration.has_value());
        QCOMPARE(real.path.stem().string(), real.name.fingerKey());
    }
}

void TestSocofingScan::pairsAlteredWithReal()
{
    QCOMPARE(m_scan.pairs.size(), std::size_t(19));  // 18 + the one in Altered/Extra
    int perKind[3] = {0, 0, 0};
    for (const auto& pair : m_scan.pairs) {
        QCOMPARE(pair.altered.name.fingerKey(), pair.real.name.fingerKey());
        QCOMPARE(pair.real.path, m_root / "Real" / (pair.real.name.fingerKey() + ".BMP"));
        QVERIFY(pair.altered.name.alteration.has_value());
        const std::string folder = pair.altered.path.parent_path().filename().string();
        const std::string stem = pair.altered.path.stem().string();
        if (folder == "Extra") {
            QVERIFY(!pair.altered.name.level.has_value());
            QVERIFY(pair.altered.name.alteration == rw::DamageKind::Rotation);
            continue;
        }
        // Written as (Obl, Easy), (CR, Hard), (Zcut, Medium).
        const rw::DamageKind kind = *pair.altered.name.alteration;
        const rw::DamageLevel level = *pair.altered.name.level;
        if (kind == rw::DamageKind::Obliteration) {
            QVERIFY(stem.size() > 4 && stem.substr(stem.size() - 4) == "_Obl");
            QVERIFY(level == rw::DamageLevel::Easy);
            QCOMPARE(folder, std::string("Altered-Easy"));
            ++perKind[0];
        } else if (kind == rw::DamageKind::Rotation) {
            QVERIFY(stem.substr(stem.size() - 3) == "_CR");
            QVERIFY(level == rw::DamageLevel::Hard);
            ++perKind[1];
        } else {
            QVERIFY(kind == rw::DamageKind::ZCut);
            QVERIFY(stem.substr(stem.size() - 5) == "_Zcut");
            QVERIFY(level == rw::DamageLevel::Medium);
            ++perKind[2];
        }
    }
    QCOMPARE(perKind[0], 6);
    QCOMPARE(perKind[1], 6);
    QCOMPARE(perKind[2], 6);
}

void TestSocofingScan::reportsBadNamesAndOrphans()
{
    QCOMPARE(m_scan.skipped.size(), std::size_t(4));
    const auto* readme = skippedFor("README.txt");
    QVERIFY(readme);
    QVERIFY(readme->reason.find("SOCOFing") != std::string::npos);
    const auto* inReal = skippedFor("7__M_Left_index_finger_CR.BMP");
    QVERIFY(inReal);
    QVERIFY(inReal->reason.find("Real") != std::string::npos);
    const auto* orphan = skippedFor("9__M_Left_index_finger_Obl.BMP");
    QVERIFY(orphan);
    QVERIFY2(orphan->reason.find("no real print 9__M_Left_index_finger") != std::string::npos,
             orphan->reason.c_str());
    const auto* noSuffix = skippedFor("1__M_Left_index_finger.BMP");
    QVERIFY(noSuffix);
    QCOMPARE(fs::path(noSuffix->path).parent_path().filename().string(),
             std::string("Altered-Easy"));
    QVERIFY(noSuffix->reason.find("suffix") != std::string::npos);
    QVERIFY(!skippedFor(".DS_Store"));  // hidden files are ignored silently
}

void TestSocofingScan::missingFoldersAreNamed()
{
    const fs::path nowhere = m_root / "does-not-exist";
    try {
        rw::scanSocofing(nowhere);
        QFAIL("no error for a missing folder");
    } catch (const rw::Error& e) {
        QCOMPARE(e.kind(), rw::ErrorKind::Missing);
        QCOMPARE(e.path(), nowhere);
    }
    const fs::path noReal = m_root / "Altered";  // exists, but has no Real/
    try {
        rw::scanSocofing(noReal);
        QFAIL("no error for a folder without Real/");
    } catch (const rw::Error& e) {
        QCOMPARE(e.kind(), rw::ErrorKind::Missing);
        QCOMPARE(e.path(), noReal / "Real");
        QVERIFY(std::string(e.what()).find("Real") != std::string::npos);
    }
}

void TestSocofingScan::noAlteredFolderMeansNoPairs()
{
    const fs::path root = fs::path(m_dir.path().toStdString()) / "RealOnly";
    rw::test::writeImage(root / "Real" / "3__M_Right_thumb_finger.BMP", rw::test::smallPrint(2));
    const rw::SocofingScan scan = rw::scanSocofing(root);
    QCOMPARE(scan.real.size(), std::size_t(1));
    QVERIFY(scan.pairs.empty());
    QVERIFY(scan.skipped.empty());
}

QTEST_GUILESS_MAIN(TestSocofingScan)
#include "tst_socofingscan.moc"
