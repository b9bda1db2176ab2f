/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * I/O manager: a table of device drivers indexed by major number, filled by
 * <rtems/confdefs.h> (CONFIGURE_APPLICATION_EXTRA_DRIVERS, ...) and at run
 * time by rtems_io_register_driver. Each directive calls the entry of the
 * driver's table with the major and minor numbers and an argument.
 */
#ifndef TESSERA_RTEMS_IO_H
#define TESSERA_RTEMS_IO_H

#include <rtems/rtems/status.h>
#include <rtems/rtems/types.h>

typedef rtems_status_code rtems_device_driver;
typedef uint32_t rtems_device_major_number;
typedef uint32_t rtems_device_minor_number;

typedef rtems_device_driver (*rtems_device_driver_entry)(rtems_device_major_number,
                                                         rtems_device_minor_number, void *);

typedef struct {
    rtems_device_driver_entry initialization_entry;
    rtems_device_driver_entry open_entry;
    rtems_device_driver_entry close_entry;
    rtems_device_driver_entry read_entry;
    rtems_device_driver_entry write_entry;
    rtems_device_driver_entry control_entry;
} rtems_driver_address_table;

/*
 * Major 0 asks for the first free entry (a free entry has neither an
 * initialization nor an open entry). A driver registered after the
 * configured drivers were initialized is initialized at once (minor 0, NULL).
 */
rtems_status_code rtems_io_register_driver(rtems_device_major_number major,
                                           const rtems_driver_address_table *driver_table,
                                           rtems_device_major_number *registered_major);
rtems_status_code rtems_io_unregister_driver(rtems_device_major_number major);
rtems_status_code rtems_io_initialize(rtems_device_major_number major,
                                      rtems_device_minor_number minor, void *argument);
rtems_status_code rtems_io_open(rtems_device_major_number major, rtems_device_minor_number minor,
                                void *argument);
rtems_status_code rtems_io_close(rtems_device_major_number major, rtems_device_minor_number minor,
                                 void *argument);
rtems_status_code rtems_io_read(rtems_device_major_number major, rtems_device_minor_number minor,
                                void *argument);
rtems_status_code rtems_io_write(rtems_device_major_number major, rtems_device_minor_number minor,
                                 void *argument);
rtems_status_code rtems_io_control(rtems_device_major_number major, rtems_device_minor_number minor,
                                   void *argument);

#endif
