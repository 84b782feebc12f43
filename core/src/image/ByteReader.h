#pragma once
// Bounds-checked little/big-endian reads from a byte span: header parsers never read past
// the end of a truncated file, they get nothing instead.
#include <cstdint>
#include <optional>
#include <span>

namespace rw::detail {

class ByteReader {
public:
    explicit ByteReader(std::span<const std::uint8_t> bytes, bool bigEndian = false)
        : m_bytes(bytes)
        , m_bigEndian(bigEndian)
    {
    }

    std::size_t size() const { return m_bytes.size(); }
    void setBigEndian(bool bigEndian) { m_bigEndian = bigEndian; }

    std::optional<std::uint8_t> u8(std::size_t offset) const
    {
        if (offset >= m_bytes.size())
            return std::nullopt;
        return m_bytes[offset];
    }
    std::optional<std::uint16_t> u16(std::size_t offset) const
    {
        auto v = read(offset, 2);
        return v ? std::optional<std::uint16_t>(static_cast<std::uint16_t>(*v)) : std::nullopt;
    }
    std::optional<std::uint32_t> u32(std::size_t offset) const
    {
        auto v = read(offset, 4);
        return v ? std::optional<std::uint32_t>(static_cast<std::uint32_t>(*v)) : std::nullopt;
    }
    std::optional<std::int32_t> i32(std::size_t offset) const
    {
        auto v = u32(offset);
        return v ? std::optional<std::int32_t>(static_cast<std::int32_t>(*v)) : std::nullopt;
    }
    bool matches(std::size_t offset, std::span<const std::uint8_t> expected) const
    {
        if (offset + expected.size() > m_bytes.size())
            return false;
        for (std::size_t i = 0; i < expected.size(); ++i)
            if (m_bytes[offset + i] != expected[i])
                return false;
        return true;
    }

private:
    std::optional<std::uint64_t> read(std::size_t offset, std::size_t count) const
    {
        if (offset + count > m_bytes.size() || offset + count < offset)
            return std::nullopt;
        std::uint64_t value = 0;
        for (std::size_t i = 0; i < count; ++i) {
            const std::size_t index = m_bigEndian ? offset + i : offset + count - 1 - i;
            value = (value << 8) | m_bytes[index];
        }
        return value;
    }

    std::span<const std::uint8_t> m_bytes;
    bool m_bigEndian;
};

}  // namespace rw::detail
