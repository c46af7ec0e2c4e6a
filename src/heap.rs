//! The WebAssembly module's memory allocator: blocks of power-of-two sizes, one free list per
//! size, carved from memory grown a page at a time.
//!
//! Why not the standard one (dlmalloc): it was 4% of the module (BENCHMARKS.md), and the
//! engine's pattern — many small, short-lived strings and lists, freed by the end of each
//! call — suits size classes well: every allocation and free is a few instructions, and the
//! blocks one call frees are the ones the next call reuses. Memory is never given back (a
//! WebAssembly memory cannot shrink); a block is at most twice the size asked for.
//!
//! Single-threaded, as the module is (no shared memory, no threads).

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;
use std::ptr;

const PAGE: usize = 65_536;

/// Free lists by size class (class `k` holds blocks of `2^k` bytes) and the unused rest of
/// the memory last grown.
pub struct Heap {
    state: UnsafeCell<State>,
}

struct State {
    free: [*mut u8; 32],
    next: usize,
    end: usize,
}

// SAFETY: the module runs on one thread only (wasm32 without shared memory).
unsafe impl Sync for Heap {}

impl Heap {
    /// An empty heap: memory is grown on the first allocation.
    pub const fn new() -> Heap {
        Heap {
            state: UnsafeCell::new(State {
                free: [ptr::null_mut(); 32],
                next: 0,
                end: 0,
            }),
        }
    }
}

impl Default for Heap {
    fn default() -> Heap {
        Heap::new()
    }
}

/// The size class of a layout: blocks are at least 8 bytes (room for the free-list link) and
/// aligned to their own size (up to a page), so any alignment up to the size is met.
fn class(layout: &Layout) -> usize {
    let n = layout.size().max(layout.align()).max(8);
    n.next_power_of_two().trailing_zeros() as usize
}

unsafe impl GlobalAlloc for Heap {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let k = class(&layout);
        if k >= 31 || layout.align() > PAGE {
            return ptr::null_mut();
        }
        // SAFETY: single-threaded, and no reference into the state outlives this call.
        let s = unsafe { &mut *self.state.get() };
        let head = s.free[k];
        if !head.is_null() {
            // SAFETY: a freed block holds the next free block of its class in its first word.
            s.free[k] = unsafe { *(head as *mut *mut u8) };
            return head;
        }
        let size = 1usize << k;
        // Blocks are aligned to their size, up to a page.
        let align = size.min(PAGE);
        let mut start = (s.next + align - 1) & !(align - 1);
        if start + size > s.end || start < s.next {
            let pages = (size + align).div_ceil(PAGE).max(16);
            let old = core::arch::wasm32::memory_grow(0, pages);
            if old == usize::MAX {
                return ptr::null_mut();
            }
            let base = old * PAGE;
            if base != s.end {
                s.next = base;
            }
            s.end = base + pages * PAGE;
            start = (s.next + align - 1) & !(align - 1);
        }
        s.next = start + size;
        start as *mut u8
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        let k = class(&layout);
        // SAFETY: as in `alloc`; the block is ours and at least a word long.
        let s = unsafe { &mut *self.state.get() };
        unsafe { *(block as *mut *mut u8) = s.free[k] };
        s.free[k] = block;
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller guarantees `new_size` with this alignment is a valid layout.
        let new = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if class(&new) == class(&layout) {
            return block;
        }
        let moved = unsafe { self.alloc(new) };
        if !moved.is_null() {
            unsafe {
                ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
                self.dealloc(block, layout);
            }
        }
        moved
    }
}
