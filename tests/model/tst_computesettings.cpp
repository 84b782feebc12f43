// CPU dispatch decisions: precision, memory layout, threads, allocator — on real and on
// described CPUs.
#include "ridgeworks/model/ComputeSettings.h"

#include <QtTest>

#include <fstream>
#include <sstream>

using namespace rw;

class TestComputeSettings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void precisionFollowsTheCpu()
    {
        CpuFeatures avx2;
        avx2.avx2 = true;
        CpuFeatures zen4 = avx2;
        zen4.avx512 = zen4.avx512Bf16 = true;
        CpuFeatures sapphire = avx2;
        sapphire.avx512 = sapphire.amx = true;
        QCOMPARE(resolvePrecision(Precision::Auto, avx2), Precision::Fp32);
        QCOMPARE(resolvePrecision(Precision::Auto, zen4), Precision::Bf16);
        QCOMPARE(resolvePrecision(Precision::Auto, sapphire), Precision::Bf16);
        QCOMPARE(resolvePrecision(Precision::Bf16, avx2), Precision::Bf16);  // asked explicitly
        QCOMPARE(resolvePrecision(Precision::Fp32, zen4), Precision::Fp32);
    }

    void layoutFollowsTheCpu()
    {
        CpuFeatures avx2;
        avx2.avx2 = true;
        CpuFeatures avx512 = avx2;
        avx512.avx512 = true;
        QVERIFY(!resolveChannelsLast(MemoryLayout::Auto, avx2));
        QVERIFY(resolveChannelsLast(MemoryLayout::Auto, avx512));
        QVERIFY(resolveChannelsLast(MemoryLayout::ChannelsLast, avx2));
        QVERIFY(!resolveChannelsLast(MemoryLayout::Contiguous, avx512));
    }

    void namesRoundTrip()
    {
        for (Precision p : {Precision::Auto, Precision::Fp32, Precision::Bf16}) {
            Precision back = Precision::Auto;
            QVERIFY(precisionFromString(toString(p), back));
            QCOMPARE(back, p);
        }
        for (MemoryLayout l :
             {MemoryLayout::Auto, MemoryLayout::ChannelsLast, MemoryLayout::Contiguous}) {
            MemoryLayout back = MemoryLayout::Auto;
            QVERIFY(memoryLayoutFromString(toString(l), back));
            QCOMPARE(back, l);
        }
        Precision p;
        QVERIFY(!precisionFromString("fp16", p));
        MemoryLayout l;
        QVERIFY(!memoryLayoutFromString("nhwc", l));
    }

    void detectsThisCpuLikeProcCpuinfo()
    {
        std::ifstream in("/proc/cpuinfo");
        std::string line, flags;
        while (std::getline(in, line))
            if (line.rfind("flags", 0) == 0) {
                // Spaces around every flag make whole-word searches simple.
                flags = line.substr(line.find(':') + 1);
                flags.insert(flags.begin(), ' ');
                flags.push_back(' ');
                break;
            }
        if (flags.empty())
            QSKIP("no /proc/cpuinfo flags on this system");
        const CpuFeatures cpu = detectCpuFeatures();
        QCOMPARE(cpu.avx2, flags.find(" avx2 ") != std::string::npos);
        QCOMPARE(cpu.avx512, flags.find(" avx512f ") != std::string::npos);
        QCOMPARE(cpu.avx512Bf16, flags.find(" avx512_bf16 ") != std::string::npos);
        QCOMPARE(cpu.amx, flags.find(" amx_bf16 ") != std::string::npos);
    }

    void threadsAreSetDeliberately()
    {
        QCOMPARE(applyThreadCount(1), 1);
        QVERIFY(defaultThreadCount() >= 1);
        QCOMPARE(applyThreadCount(0), defaultThreadCount());
    }

    void allocatorAndMemoryAreReported()
    {
        // Test programs do not link tcmalloc; the CLI and GUI do (tst_clitrain checks the CLI).
        QCOMPARE(allocatorName(), std::string("glibc"));
        QVERIFY(residentBytes() > 1024 * 1024);
        QVERIFY(!torchVersion().empty());
    }
};

QTEST_GUILESS_MAIN(TestComputeSettings)
#include "tst_computesettings.moc"
