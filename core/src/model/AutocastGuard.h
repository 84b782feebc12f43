#pragma once
// bf16 autocast for the scope of a guard (libtorch's CPU autocast), for training and
// inference alike. Private to ridgeworks_ml.
#include <ATen/autocast_mode.h>

namespace rw {

class AutocastGuard {
public:
    explicit AutocastGuard(bool enabled)
        : m_enabled(enabled)
    {
        if (!m_enabled)
            return;
        m_previous = at::autocast::is_cpu_enabled();
        at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
        at::autocast::set_cpu_enabled(true);
        at::autocast::increment_nesting();
    }
    ~AutocastGuard()
    {
        if (!m_enabled)
            return;
        if (at::autocast::decrement_nesting() == 0)
            at::autocast::clear_cache();
        at::autocast::set_cpu_enabled(m_previous);
    }
    AutocastGuard(const AutocastGuard&) = delete;
    AutocastGuard& operator=(const AutocastGuard&) = delete;

private:
    bool m_enabled;
    bool m_previous = false;
};

}  // namespace rw
